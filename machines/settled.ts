/**
 * "Settled": a machine is not waiting on its own I/O (nor on a child's: the desk's till). For the terminal: (recovering, looking an order up, opening the
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
  /** invoked children: a desk's till is one, and its I/O is the desk's */
  children?: Record<string, { getSnapshot(): unknown } | undefined>;
}

const isTagged = (snapshot: unknown): snapshot is TaggedSnapshot =>
  typeof snapshot === 'object' && snapshot !== null && typeof (snapshot as TaggedSnapshot).hasTag === 'function';

/**
 * True once the machine waits only on the person (or has stopped): no I/O of its own, nor of a child
 * machine it invoked (the desk's till), is in flight. Promise actors have no tags and never count.
 */
export const isSettled = (snapshot: TaggedSnapshot): boolean => {
  if (snapshot.status !== 'active') return true;
  if (snapshot.hasTag(IO_TAG)) return false;
  return Object.values(snapshot.children ?? {}).every((child) => {
    const inner = child?.getSnapshot();
    return !isTagged(inner) || isSettled(inner);
  });
};
