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
 * | idle        |       | (always, while jammed)                   | outOfService                  |
 * | outOfService |      | service.key (the hidden sequence) · help.* | servicePin once it is complete |
 * | service     | menu  | service.clearJam (while jammed)         | clearingJam                   |
 * | clearingJam |       | io.paymentCompleted                     | receipt (back in service)     |
 * Typing that fills a field moves the focus to Next, so Enter then goes on rather than erasing.
 * Mobile (the first category) tops up a phone balance: the same cash session with no order (src/domain/mobile/topup.ts).
 */
import { and, assign, enqueueActions, sendParent, setup } from 'xstate';
import { SERVICE_ATTEMPTS, SERVICE_PIN_MAX, SERVICE_SEQUENCE, serviceKeysAfter } from '../../src/domain/cash/service.js';
import { guessOperator, PHONE_DIGITS, toE164 } from '../../src/domain/mobile/phone.js';
import { OPERATORS } from '../../src/domain/rules.js';
import { TOPUP_CODE } from '../../src/domain/mobile/topup.js';
import { ZERO } from '../../src/domain/money.js';
import { moveFocus, resolveNav } from '../buttons.js';
import { kioskButtons, kioskGrid, orderNumberComplete, phoneComplete, pinReady, type KioskScreen } from './kioskButtons.js';
import { initialContext, typeDigits, type KioskContext, type KioskEvent, type KioskInput } from './kioskContext.js';

export type { KioskContext, KioskEvent, KioskInput } from './kioskContext.js';

/** The nav handlers every screen with buttons has; the screen is named because `self` is not reliable mid-transition. */
const navOn = (screen: KioskScreen) => ({
  'nav.move': { actions: { type: 'moveFocus', params: { screen } } },
  'nav.activate': { actions: { type: 'pressButton', params: { screen } } },
  'nav.press': { actions: { type: 'pressButton', params: { screen } } },
}) as const;

export const kioskMachine = setup({
  types: {
    context: {} as KioskContext,
    events: {} as KioskEvent,
    input: {} as KioskInput,
  },
  actions: {
    // a new customer's session; the service login's lock and wrong PINs outlive it
    resetSession: assign(({ context }) => ({
      ...initialContext({ lang: context.defaultLang, orderNumberLength: context.orderNumberLength, skin: context.skin, servicePin: context.servicePin }),
      serviceLocked: context.serviceLocked,
      serviceAttempts: context.serviceAttempts,
      paperOut: context.paperOut,
      jam: context.jam,
    })),
    keepServiceKey: assign(({ context, event }) => (event.type === 'service.key' ? { serviceKeys: serviceKeysAfter(context.serviceKeys, event.key) } : {})),
    typePin: assign(({ context, event }) => {
      if (event.type !== 'input.text') return {};
      const { digits, notice } = typeDigits(context.pinDigits, event.text, SERVICE_PIN_MAX);
      return { pinDigits: digits, notice };
    }),
    erasePin: assign({ pinDigits: ({ context }) => context.pinDigits.slice(0, -1), notice: null }),
    rightPin: assign({ serviceAttempts: 0, pinDigits: '', notice: null }),
    wrongPin: assign(({ context }) => ({
      serviceAttempts: context.serviceAttempts + 1,
      pinDigits: '',
      notice: 'notice.wrongPin',
      noticeParams: { left: SERVICE_ATTEMPTS - context.serviceAttempts - 1 },
    })),
    lockService: assign({ serviceAttempts: 0, serviceLocked: true, pinDigits: '' }),
    // the terminal times the lock on the program's clock (the kiosk has none)
    requestServiceLock: sendParent({ type: 'io.serviceLock' }),
    setServiceLocked: assign({ serviceLocked: true }),
    setServiceUnlocked: assign({ serviceLocked: false }),
    requestCassette: sendParent({ type: 'io.readCassette' }),
    keepCassette: assign(({ event }) => (event.type === 'io.cassetteRead' ? { cassette: event.cassette, cassetteCapacity: event.capacity } : {})),
    requestEncash: sendParent({ type: 'io.encash' }),
    keepEncashment: assign(({ event }) => (event.type === 'io.encashed' ? { encashment: event.encashment } : {})),
    resetFocus: assign({ focus: 0, notice: null, help: false }),
    openHelp: assign(({ context }) => ({ help: true, focusBeforeHelp: context.focus, focus: 0, notice: null })),
    closeHelp: assign(({ context }) => ({ help: false, focus: context.focusBeforeHelp })),
    focusButton: assign(({ context }, params: { screen: KioskScreen; id: string }) => ({
      focus: Math.max(0, kioskButtons(params.screen, context).findIndex((b) => b.id === params.id)),
    })),
    moveFocus: assign(({ context, event }, params: { screen: KioskScreen }) => {
      if (event.type !== 'nav.move') return {};
      const count = kioskButtons(params.screen, context).length;
      return { focus: moveFocus(context.focus, count, kioskGrid(params.screen).columns, event.dir), notice: null };
    }),
    pressButton: enqueueActions(({ context, event, enqueue }, params: { screen: KioskScreen }) => {
      if (event.type !== 'nav.activate' && event.type !== 'nav.press') return;
      const resolved = resolveNav(kioskButtons(params.screen, context), context.focus, event);
      if (resolved?.enabled) enqueue.raise(resolved.event);
      // a disabled press says why, e.g. Next before the number is complete
      else if (resolved?.whyDisabled) enqueue.assign({ notice: resolved.whyDisabled, noticeParams: { digits: context.orderNumberLength } });
    }),
    /** A field just filled up: Next is what comes next, so Enter on a focused ⌫ no longer erases. */
    focusNextWhenFull: assign(({ context }, params: { screen: 'orderEntry' | 'phoneEntry' | 'topupPhone'; full: boolean }) =>
      params.full ? { focus: Math.max(0, kioskButtons(params.screen, context).findIndex((b) => b.id === 'next')) } : {},
    ),
    toggleLang: assign({ lang: ({ context }) => (context.lang === 'ru' ? 'en' : 'ru') }),
    noticeOnlyCatalogs: assign({ notice: 'topup.notice.otherCategory' }),
    /** A top-up starts with an empty number and the operator guessed again. */
    startTopUp: assign({ phoneDigits: '', operator: null, operatorChosen: false, payable: null, refusal: null, notice: null }),
    noticeNotInEmulator: assign({ notice: 'notice.notInEmulator' }),
    typeOrderDigits: assign(({ context, event }) => {
      if (event.type !== 'input.text') return {};
      const { digits, notice } = typeDigits(context.orderDigits, event.text, context.orderNumberLength);
      return { orderDigits: digits, notice };
    }),
    eraseOrderDigit: assign({ orderDigits: ({ context }) => context.orderDigits.slice(0, -1), notice: null }),
    clearOrderDigits: assign({ orderDigits: '', notice: null }),
    typePhoneDigits: assign(({ context, event }) => {
      if (event.type !== 'input.text') return {};
      const { digits, notice } = typeDigits(context.phoneDigits, event.text, PHONE_DIGITS);
      const firstNotNine = digits.length > 0 && digits[0] !== '9';
      const operator = context.operatorChosen ? context.operator : guessOperator(digits);
      return { phoneDigits: firstNotNine ? '' : digits, operator, notice: firstNotNine ? 'hint.phoneStartsWith9' : notice };
    }),
    erasePhoneDigit: assign(({ context }) => {
      const phoneDigits = context.phoneDigits.slice(0, -1);
      return { phoneDigits, notice: null, operator: context.operatorChosen ? context.operator : guessOperator(phoneDigits) };
    }),
    clearPhoneDigits: assign(({ context }) => ({ phoneDigits: '', notice: null, operator: context.operatorChosen ? context.operator : null })),
    cycleOperator: assign(({ context }) => ({
      operator: OPERATORS[(OPERATORS.indexOf(context.operator ?? 'tele2') + 1) % OPERATORS.length] ?? 'mts',
      operatorChosen: true,
      notice: null,
    })),
    requestLookup: sendParent(({ context }) => ({ type: 'io.lookupOrder', code: context.orderDigits })),
    keepPayable: assign(({ event }) => {
      if (event.type !== 'io.orderLookedUp' || event.result.kind !== 'payable') return {};
      return { payable: { code: event.result.code, due: event.result.due }, refusal: null };
    }),
    keepRefusal: assign(({ event }) => {
      if (event.type !== 'io.orderLookedUp' || event.result.kind !== 'refused') return {};
      const { code, reason, due } = event.result;
      return { refusal: due === undefined ? { code, reason } : { code, reason, due }, payable: null };
    }),
    requestCash: sendParent(({ context }) => ({
      type: 'io.openCash',
      code: context.payable?.code ?? '',
      due: context.payable?.due ?? '0.00',
      phone: toE164(context.phoneDigits),
      operator: context.operator ?? 'mts',
    })),
    requestTopUpCash: sendParent(({ context }) => ({
      type: 'io.openCash',
      code: TOPUP_CODE,
      due: ZERO,
      phone: toE164(context.phoneDigits),
      operator: context.operator ?? 'mts',
    })),
    keepReceipt: assign(({ event }) => (event.type === 'io.paymentCompleted' ? { receipt: event.receipt, receiptBySms: event.bySms === true } : { receipt: null, receiptBySms: false })),
    keepPaper: assign(({ event }) => (event.type === 'printer.paper' ? { paperOut: event.out } : {})),
    requestLoadPaper: sendParent({ type: 'io.loadPaper' }),
    keepJam: assign(({ event }) => (event.type === 'io.jammed' ? { jam: event.jam } : {})),
    forgetJam: assign({ jam: null }),
    requestClearJam: sendParent({ type: 'io.clearJam' }),
  },
  guards: {
    orderNumberComplete: ({ context }) => orderNumberComplete(context),
    lookupPayable: ({ event }) => event.type === 'io.orderLookedUp' && event.result.kind === 'payable',
    phoneComplete: ({ context }) => phoneComplete(context),
    cancelledByBack: ({ event }) => event.type === 'io.cashCancelled' && event.back === true,
    serviceSequenceDone: ({ context, event }) => event.type === 'service.key' && serviceKeysAfter(context.serviceKeys, event.key) === SERVICE_SEQUENCE,
    pinReady: ({ context }) => pinReady(context),
    pinRight: ({ context }) => context.pinDigits === context.servicePin,
    lastAttempt: ({ context }) => context.serviceAttempts + 1 >= SERVICE_ATTEMPTS,
    mobileCategory: ({ event }) => event.type === 'menu.category' && event.id === 'mobile',
    jammed: ({ context }) => context.jam !== null,
  },
}).createMachine({
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
  },
  states: {
    idle: {
      entry: 'resetSession',
      always: { guard: 'jammed', target: 'outOfService' },
      on: {
        ...navOn('idle'),
        'kiosk.wake': 'menu',
        'nav.back': { actions: 'closeHelp' },
        'timer.inactivity': { actions: 'closeHelp' },
        'service.key': [{ guard: 'serviceSequenceDone', target: 'servicePin' }, { actions: 'keepServiceKey' }],
      },
    },
    // the held note is journaled; the staff clear the jam in service mode (the hidden sequence works here too)
    outOfService: {
      entry: 'resetFocus',
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
