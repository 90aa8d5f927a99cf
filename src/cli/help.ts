/** `kiosk --help`. */
import { DEMO_SUMMARY } from '../domain/orders/demo.js';
import { FORWARD_HELP } from './forwardArgs.js';
import { MOBILE_HELP } from './mobileArgs.js';

export const VERSION = '0.1.0';

export const USAGE = `kiosk — rehearse paying an AliExpress order in cash at a Euroset-style terminal

Usage:
  kiosk [options]                 open the kiosk (needs an interactive terminal, at least 80×24)
  kiosk orders ACTION             the orders and their life: new, list, show, reprice, cancel,
                                  ship, deliver, confirm, dispute, renew (kiosk orders --help)
  kiosk phones show|set PHONE     a phone's balance, ledger, mobile payments and SMS;
                                  set: operator, balance, tariff (kiosk phones --help)
  kiosk journal                   every accepted banknote (--since 2h, --format csv|json)
  kiosk receipts list|show NUMBER the receipts printed, or one as it was printed
  kiosk tape run|check|record     scripted keystroke tests of the kiosk (kiosk tape --help)
  kiosk encashments               every cassette taken out in service mode, with its count
  kiosk store migrate             bring the store (--store URL or --data-dir) to this version's schema
  kiosk store copy                a data directory into an empty registry (--from DIR --to URL)
  kiosk reconcile                 each terminal's journal against the registry (--data-dir DIR
                                  per terminal, --store URL); exit 1 listing what differs
  kiosk skins                     the terminal brands --skin takes, with their path to AliExpress
  kiosk train …                   staff training: exercises, results, replays
                                  (kiosk train --help)
  kiosk --help | --version
  Each command has its own help: kiosk orders --help, kiosk tape run --help, …

Options:
  --lang ru|en                    language on start (default ru; the kiosk has a language button)
  --place PLACE                   the place that has the keys on start: site, phone, terminal, cashier, post or training (default terminal)
  --role customer|cashier         who you play at the cashier and the Post (default customer)
  --desk-cap AMOUNT               the most a desk takes for one order (default: no limit)
  --terminal-id ID                terminal id printed on receipts (default: from host and process)
  --memory                        keep nothing on disk
  --data-dir DIR                  where orders, balances, receipts and the cash journal live
  --store URL                     a PostgreSQL registry shared by a salon's machines: postgres://user@host/kiosk
  --order-length N                digits in an order number (default 10)
  --processing-delay 2d           how long cash paid at a terminal is "processing" (default 2d, at most 7d)
  --skin NAME                     the terminal's brand: euroset (default), qiwi, svyaznoy, cyberplat
  --skin-file FILE                a brand of your own, as JSON (checked; kiosk skins --help)
  --service-pin 0000              the staff's service-mode PIN (* # * # on the idle screen)
  --cassette-capacity 1500        notes the bill cassette holds; full, the terminal is out of service
  --paper-receipts N              paper for N receipts (default: never runs out)
  --no-mouse                      taps (mouse clicks) do nothing; the terminal is not asked to report them
  --menu-timeout 30s              inactivity on menus before the idle screen (every timeout: 1s to 24h)
  --entry-timeout 70s             inactivity on data entry before the idle screen
  --cash-timeout 60s              no note on the cash screen before "Need more time?"
  --cash-note-timeout 120s        the same once a note is in
  --more-time-timeout 15s         how long "Need more time?" waits; then the payment is made
${MOBILE_HELP}
${FORWARD_HELP}

Environment: KIOSK_LANG, KIOSK_TERMINAL_ID, KIOSK_DATA_DIR, KIOSK_STORE. The commands' output is coloured on a
terminal, plain when piped; NO_COLOR=1 turns colour off, FORCE_COLOR=1 turns it on in a pipe.

Keys: arrows move between buttons, Enter activates, [X] on a button is its hotkey, Esc is Back,
digits and Backspace edit numeric fields (* clears). On the cash screen 1–8 insert
10, 50, 100, 200, 500, 1000, 2000, 5000 ₽; Shift+1…8 a worn note; 0 a foreign note.
H on any terminal screen shows Help. Ctrl+C anywhere, or q on the idle screen, quits; with cash in the acceptor Ctrl+C first asks
whether to pay with it (a second Ctrl+C pays), and the kiosk ends once the payment is saved.

Demo orders (phone +7 (916) 123-45-67):
${DEMO_SUMMARY.map((d) => `  ${d.code}  ${d.summary}`).join('\n')}

Path: Other services → Products by catalogs → Aliexpress → Order number → cash → receipt.
`;

/** `kiosk --help` with where the data lives, resolved from --data-dir, KIOSK_DATA_DIR and XDG_DATA_HOME. */
export function usage(dataLocation: string): string {
  return `${USAGE}
Data: ${dataLocation}
  One SQLite file (kiosk.db) shared by every kiosk and command started on that directory; a payment
  cut off by a crash or power loss is finished on the next start. Default $XDG_DATA_HOME/aliexpress-kiosk,
  else ~/.local/share/aliexpress-kiosk; --data-dir DIR or KIOSK_DATA_DIR to change; --memory to keep nothing.
  --store URL or KIOSK_STORE: a PostgreSQL registry shared by a salon's machines instead.
`;
}
