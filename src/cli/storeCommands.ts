/** `kiosk orders|phones|journal|receipts`: the store from the command line (being built, issue 3). */
import { UsageError } from './args.js';

const notYet = (name: string) => async (_argv: string[]): Promise<number> => {
  throw new UsageError(`"kiosk ${name}" is not available yet`);
};
export const runOrders = notYet('orders');
export const runPhones = notYet('phones');
export const runJournal = notYet('journal');
export const runReceipts = notYet('receipts');
