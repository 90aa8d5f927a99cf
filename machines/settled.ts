/**
 * "Settled": the terminal is not waiting on its own I/O (recovering, looking an order up, opening the
 * cash session, journaling a note, committing or cancelling a payment). Those states carry the `io`
 * tag in machines/terminal.ts, so adding an I/O state there is the one place to say it; the tape
 * drivers, the test hook, the bench and the tests all wait on `isSettled`.
 */

/** The tag of the terminal's flow states that wait on an invoked I/O actor. */
export const IO_TAG = 'io';

/** Any snapshot with tags: the terminal's (typed against the machine where it is used). */
interface TaggedSnapshot {
  status: string;
  hasTag(tag: string): boolean;
}

/** True once the terminal waits only on the customer (or has stopped): no I/O of its own is in flight. */
export const isSettled = (snapshot: TaggedSnapshot): boolean => snapshot.status !== 'active' || !snapshot.hasTag(IO_TAG);
