/**
 * The kiosk's setup: its types, actions and guards. machines/terminal/kiosk.ts builds the machine
 * from it (`kioskSetup.createMachine`) and its header holds the state/event table.
 */
import { assign, enqueueActions, or, sendParent, setup, stateIn } from 'xstate';
import { serviceKeysAfter, SERVICE_ATTEMPTS, SERVICE_PIN_MAX, SERVICE_SEQUENCE } from '../../src/domain/cash/service.js';
import { guessOperator, PHONE_DIGITS, toE164 } from '../../src/domain/mobile/phone.js';
import { OPERATORS } from '../../src/domain/rules.js';
import { TOPUP_CODE } from '../../src/domain/mobile/topup.js';
import { ZERO } from '../../src/domain/money.js';
import { moveFocus, resolveNav } from '../buttons.js';
import { kioskButtons, kioskGrid, orderNumberComplete, phoneComplete, pinReady, type KioskScreen } from './kioskButtons.js';
import { initialContext, typeDigits, type KioskContext, type KioskEvent, type KioskInput } from './kioskContext.js';

/** The screens before a cash session opens: nothing taken yet, and nothing to finish if the registry goes. */
export const BEFORE_CASH = ['idle', 'menu', 'services', 'catalogs', 'orderEntry', 'lookingUp', 'refused', 'checkData', 'phoneEntry', 'topupPhone'] as const;

export const kioskSetup = setup({
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
      registryDown: context.registryDown,
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
    // Stryker disable StringLiteral: equivalent, because the fallbacks are for the types: cash opens only from the phone screen of a payable order, with an operator chosen or guessed
    requestCash: sendParent(({ context }) => ({
      type: 'io.openCash',
      code: context.payable?.code ?? '',
      due: context.payable?.due ?? '0.00',
      phone: toE164(context.phoneDigits),
      operator: context.operator ?? 'mts',
    })),
    // Stryker restore StringLiteral
    requestTopUpCash: sendParent(({ context }) => ({
      type: 'io.openCash',
      code: TOPUP_CODE,
      due: ZERO,
      phone: toE164(context.phoneDigits),
      operator: context.operator ?? 'mts',
    })),
    keepReceipt: assign(({ event }) => (event.type === 'io.paymentCompleted' ? { receipt: event.receipt, receiptBySms: event.bySms === true } : {})),
    keepPaper: assign(({ event }) => (event.type === 'printer.paper' ? { paperOut: event.out } : {})),
    requestLoadPaper: sendParent({ type: 'io.loadPaper' }),
    keepJam: assign(({ event }) => (event.type === 'io.jammed' ? { jam: event.jam } : {})),
    forgetJam: assign({ jam: null }),
    keepRegistryLost: assign(({ event }) => (event.type === 'registry.lost' ? { registryDown: event.reason } : {})),
    forgetRegistryLost: assign({ registryDown: null }),
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
    // a jam or the registry out of reach: no new customer (a payment already taking cash is finished)
    noNewCustomers: ({ context }) => context.jam !== null || context.registryDown !== null,
    // a customer who has paid nothing yet: the registry's loss sends them to the out-of-service screen
    beforeCash: or(BEFORE_CASH.map((state) => stateIn(state))),
  },
});
