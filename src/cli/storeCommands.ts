/** `kiosk orders|phones|journal|receipts`: the kiosk's data from the command line, one file each. */
export { runOrders } from './ordersCommand.js';
export { runPhones } from './phonesCommand.js';
export { runJournal } from './journalCommand.js';
export { runReceipts } from './receiptsCommand.js';
