/**
 * The kiosk's screens, Euroset style (R-TERM-1): idle → main menu → Other services → Products by
 * catalogs → Aliexpress → Order number → check → phone for change → cash → receipt.
 * Pure: no timers, no I/O, no children, so `xstate/graph` can walk it. Lookups, cash and payment
 * are asked of the parent (`io.*` out, `io.*` back); the parent's watchdog sends `timer.inactivity`.
 *
 * | state       | tags  | events                                  | goes to                       |
 * |-------------|-------|-----------------------------------------|-------------------------------|
 * | idle        |       | kiosk.wake                              | menu                          |
 * | menu        | menu  | menu.other · menu.category · menu.lang  | services · topupPhone (Mobile) · menu (notice) |
 * | services    | menu  | services.catalogs · services.other · back| catalogs · services · menu   |
 * | catalogs    | menu  | catalogs.aliexpress · catalogs.other    | orderEntry (empty) · catalogs |
 * | orderEntry  | entry | input.* · order.submit · back           | lookingUp · catalogs          |
 * | lookingUp   |       | io.orderLookedUp                        | checkData · refused           |
 * | refused     | menu  | refused.retry · refused.menu            | orderEntry · menu             |
 * | checkData   | menu  | check.confirm · back                    | phoneEntry · orderEntry       |
 * | phoneEntry  | entry | input.* · phone.operator · phone.submit | cash · checkData              |
 * | cash        |       | io.paymentCompleted · io.cashCancelled  | receipt · phoneEntry (Back) / idle |
 * | topupPhone  | entry | input.* · phone.operator · topup.submit · back | topupCash · menu      |
 * | topupCash   |       | io.paymentCompleted · io.cashCancelled  | receipt · topupPhone (Back) / idle |
 * | receipt     | menu  | receipt.done · nav.back (Esc)           | idle                          |
 * | (menu/entry)|       | timer.inactivity                        | idle                          |
 * | (any with buttons) | | nav.* on a disabled button             | (stays, notice says why)      |
 * | (any with buttons) | | help.open (Help, H) · help.close (Close, Esc) | (stays; the help text shows over the screen, R-TERM-4) |
 * | idle        |       | service.key (* and #: the hidden sequence) | servicePin once it is complete |
 * | servicePin  | entry | input.* · service.submit · service.exit | serviceLoading (right PIN) · idle (third wrong PIN: io.serviceLock) |
 * | serviceLoading |    | io.cassetteRead                          | service                       |
 * | service     | menu  | service.encash · service.exit           | encashing · idle              |
 * | encashing   |       | io.encashed                             | serviceReceipt                |
 * | serviceReceipt | menu | service.done                           | serviceLoading                |
 * | service     | menu  | service.loadPaper                       | (stays; io.loadPaper to the terminal, which resets the paper count) |
 * | (any)       |       | service.locked · service.unlocked (from the terminal's lock timer) | (stays) |
 * | (any)       |       | printer.paper (from the terminal: out / loaded) | (stays; checkData and the phone steps warn while out) |
 * | (any)       |       | io.jammed (the acceptor holds a note)    | outOfService                  |
 * | idle        |       | (always, while jammed or the registry is out of reach) | outOfService    |
 * | idle … topupPhone (no cash yet) | | registry.lost                | outOfService (the reason kept) |
 * | (any other) |       | registry.lost                            | (stays: a payment under way is finished; its receipt → idle → outOfService) |
 * | (any)       |       | registry.back                            | (stays; the reason forgotten) |
 * | outOfService |      | (always, neither jammed nor the registry out of reach) | idle            |
 * | outOfService |      | service.key (the hidden sequence) · help.* | servicePin once it is complete |
 * | service     | menu  | service.clearJam (while jammed)         | clearingJam                   |
 * | clearingJam |       | io.paymentCompleted                     | receipt (back in service)     |
 * Typing that fills a field moves the focus to Next, so Enter then goes on rather than erasing.
 * Mobile (the first category) tops up a phone balance: the same cash session with no order (src/domain/mobile/topup.ts).
 */
import { and, assign, not } from 'xstate';
import { PHONE_DIGITS } from '../../src/domain/mobile/phone.js';
import { orderNumberComplete, type KioskScreen } from './kioskButtons.js';
import { initialContext } from './kioskContext.js';
import { kioskSetup } from './kioskSetup.js';

export type { KioskContext, KioskEvent, KioskInput } from './kioskContext.js';

/** The nav handlers every screen with buttons has; the screen is named because `self` is not reliable mid-transition. */
const navOn = (screen: KioskScreen) => ({
  'nav.move': { actions: { type: 'moveFocus', params: { screen } } },
  'nav.activate': { actions: { type: 'pressButton', params: { screen } } },
  'nav.press': { actions: { type: 'pressButton', params: { screen } } },
}) as const;

export const kioskMachine = kioskSetup.createMachine({
  id: 'kiosk',
  context: ({ input }) => initialContext(input),
  initial: 'idle',
  // Help shows over whatever screen is up; its buttons (kioskButtons) are then only Close.
  on: {
    'help.open': { actions: 'openHelp' },
    'help.close': { actions: 'closeHelp' },
    'service.locked': { actions: 'setServiceLocked' },
    'service.unlocked': { actions: 'setServiceUnlocked' },
    'printer.paper': { actions: 'keepPaper' },
    // the bill acceptor jammed: whatever was on screen, the terminal is out of service
    'io.jammed': { target: '.outOfService', actions: 'keepJam' },
    // the registry out of reach (the terminal tells the kiosk): out of service unless a payment is under way
    'registry.lost': [{ guard: 'beforeCash', target: '.outOfService', actions: 'keepRegistryLost' }, { actions: 'keepRegistryLost' }],
    'registry.back': { actions: 'forgetRegistryLost' },
  },
  states: {
    idle: {
      entry: 'resetSession',
      always: { guard: 'noNewCustomers', target: 'outOfService' },
      on: {
        ...navOn('idle'),
        'kiosk.wake': 'menu',
        'nav.back': { actions: 'closeHelp' },
        'timer.inactivity': { actions: 'closeHelp' },
        'service.key': [{ guard: 'serviceSequenceDone', target: 'servicePin' }, { actions: 'keepServiceKey' }],
      },
    },
    // a jam: the held note is journaled; the staff clear it in service mode (the hidden sequence works here too).
    // the registry out of reach: back in service by itself when the terminal hears it is back
    outOfService: {
      entry: 'resetFocus',
      always: { guard: not('noNewCustomers'), target: 'idle' },
      on: {
        ...navOn('outOfService'),
        'nav.back': { actions: 'closeHelp' },
        'timer.inactivity': { actions: 'closeHelp' },
        'service.key': [{ guard: 'serviceSequenceDone', target: 'servicePin' }, { actions: 'keepServiceKey' }],
      },
    },
    clearingJam: {
      entry: 'requestClearJam',
      on: { 'io.paymentCompleted': { target: 'receipt', actions: ['keepReceipt', 'forgetJam'] } },
    },
    servicePin: {
      tags: ['entry'],
      entry: ['resetFocus', assign({ serviceKeys: '', pinDigits: '' }), { type: 'focusButton', params: { screen: 'servicePin', id: 'next' } }],
      on: {
        ...navOn('servicePin'),
        'input.text': { actions: 'typePin' },
        'input.backspace': { actions: 'erasePin' },
        'input.clear': { actions: assign({ pinDigits: '' }) },
        'service.submit': [
          { guard: and(['pinReady', 'pinRight']), target: 'serviceLoading', actions: 'rightPin' },
          { guard: and(['pinReady', 'lastAttempt']), target: 'idle', actions: ['lockService', 'requestServiceLock'] },
          { guard: 'pinReady', actions: 'wrongPin' },
        ],
        'service.exit': 'idle',
        'nav.back': 'idle',
        'timer.inactivity': 'idle',
      },
    },
    serviceLoading: {
      entry: 'requestCassette',
      on: { 'io.cassetteRead': { target: 'service', actions: 'keepCassette' } },
    },
    service: {
      tags: ['menu'],
      entry: 'resetFocus',
      on: {
        ...navOn('service'),
        'service.encash': 'encashing',
        'service.loadPaper': { actions: 'requestLoadPaper' },
        'service.clearJam': { guard: 'jammed', target: 'clearingJam' },
        'service.exit': 'idle',
        'nav.back': 'idle',
        'timer.inactivity': 'idle',
      },
    },
    encashing: {
      entry: 'requestEncash',
      on: { 'io.encashed': { target: 'serviceReceipt', actions: 'keepEncashment' } },
    },
    serviceReceipt: {
      tags: ['menu'],
      entry: 'resetFocus',
      on: { ...navOn('serviceReceipt'), 'service.done': 'serviceLoading', 'nav.back': 'serviceLoading', 'timer.inactivity': 'idle' },
    },
    menu: {
      tags: ['menu'],
      entry: 'resetFocus',
      on: {
        ...navOn('menu'),
        'menu.other': 'services',
        'menu.category': [{ guard: 'mobileCategory', target: 'topupPhone', actions: 'startTopUp' }, { actions: 'noticeOnlyCatalogs' }],
        'menu.lang': { actions: 'toggleLang' },
        'timer.inactivity': 'idle',
      },
    },
    services: {
      tags: ['menu'],
      entry: 'resetFocus',
      on: {
        ...navOn('services'),
        'services.catalogs': 'catalogs',
        'services.other': { actions: 'noticeNotInEmulator' },
        'nav.back': 'menu',
        'timer.inactivity': 'idle',
      },
    },
    catalogs: {
      tags: ['menu'],
      entry: 'resetFocus',
      on: {
        ...navOn('catalogs'),
        // a new visit from the catalog starts with an empty field (Back from the check screen keeps it)
        'catalogs.aliexpress': { target: 'orderEntry', actions: 'clearOrderDigits' },
        'catalogs.other': { actions: 'noticeNotInEmulator' },
        'nav.back': 'services',
        'timer.inactivity': 'idle',
      },
    },
    orderEntry: {
      tags: ['entry'],
      entry: ['resetFocus', { type: 'focusButton', params: { screen: 'orderEntry', id: 'next' } }],
      on: {
        ...navOn('orderEntry'),
        'input.text': {
          actions: [
            'typeOrderDigits',
            { type: 'focusNextWhenFull', params: ({ context }) => ({ screen: 'orderEntry' as const, full: orderNumberComplete(context) }) },
          ],
        },
        'input.backspace': { actions: 'eraseOrderDigit' },
        'input.clear': { actions: 'clearOrderDigits' },
        'order.submit': { guard: 'orderNumberComplete', target: 'lookingUp' },
        'nav.back': 'catalogs',
        'timer.inactivity': 'idle',
      },
    },
    lookingUp: {
      entry: 'requestLookup',
      on: {
        'io.orderLookedUp': [
          { guard: 'lookupPayable', target: 'checkData', actions: 'keepPayable' },
          { target: 'refused', actions: 'keepRefusal' },
        ],
      },
    },
    refused: {
      tags: ['menu'],
      entry: 'resetFocus',
      on: {
        ...navOn('refused'),
        'refused.retry': { target: 'orderEntry', actions: 'clearOrderDigits' },
        'refused.menu': 'menu',
        'timer.inactivity': 'idle',
      },
    },
    checkData: {
      tags: ['menu'],
      entry: ['resetFocus', { type: 'focusButton', params: { screen: 'checkData', id: 'next' } }],
      on: {
        ...navOn('checkData'),
        'check.confirm': 'phoneEntry',
        'nav.back': 'orderEntry',
        'timer.inactivity': 'idle',
      },
    },
    phoneEntry: {
      tags: ['entry'],
      entry: ['resetFocus', { type: 'focusButton', params: { screen: 'phoneEntry', id: 'next' } }],
      on: {
        ...navOn('phoneEntry'),
        'input.text': {
          actions: [
            'typePhoneDigits',
            { type: 'focusNextWhenFull', params: ({ context }) => ({ screen: 'phoneEntry' as const, full: context.phoneDigits.length === PHONE_DIGITS }) },
          ],
        },
        'input.backspace': { actions: 'erasePhoneDigit' },
        'input.clear': { actions: 'clearPhoneDigits' },
        'phone.operator': { actions: 'cycleOperator' },
        'phone.submit': { guard: 'phoneComplete', target: 'cash' },
        'nav.back': 'checkData',
        'timer.inactivity': 'idle',
      },
    },
    cash: {
      entry: 'requestCash',
      on: {
        'io.paymentCompleted': { target: 'receipt', actions: 'keepReceipt' },
        // Back with no note in returns to the phone step, with everything typed kept
        'io.cashCancelled': [{ guard: 'cancelledByBack', target: 'phoneEntry' }, { target: 'idle' }],
      },
    },
    topupPhone: {
      tags: ['entry'],
      entry: ['resetFocus', { type: 'focusButton', params: { screen: 'topupPhone', id: 'next' } }],
      on: {
        ...navOn('topupPhone'),
        'input.text': {
          actions: [
            'typePhoneDigits',
            { type: 'focusNextWhenFull', params: ({ context }) => ({ screen: 'topupPhone' as const, full: context.phoneDigits.length === PHONE_DIGITS }) },
          ],
        },
        'input.backspace': { actions: 'erasePhoneDigit' },
        'input.clear': { actions: 'clearPhoneDigits' },
        'phone.operator': { actions: 'cycleOperator' },
        'topup.submit': { guard: 'phoneComplete', target: 'topupCash' },
        'nav.back': 'menu',
        'timer.inactivity': 'idle',
      },
    },
    topupCash: {
      entry: 'requestTopUpCash',
      on: {
        'io.paymentCompleted': { target: 'receipt', actions: 'keepReceipt' },
        'io.cashCancelled': [{ guard: 'cancelledByBack', target: 'topupPhone' }, { target: 'idle' }],
      },
    },
    receipt: {
      tags: ['menu'],
      entry: 'resetFocus',
      on: {
        ...navOn('receipt'),
        'receipt.done': 'idle',
        // Esc finishes too, as the help line's "Esc back" promises: the receipt has nothing to go back to
        'nav.back': 'idle',
        'timer.inactivity': 'idle',
      },
    },
  },
});
