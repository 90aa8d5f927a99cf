/**
 * Model-based test of the kiosk screens (machines/terminal/kiosk.ts) with `xstate/graph` (model in
 * kioskModel.ts): shortest paths to every abstract state as reached by each kind of event from
 * each screen, each replayed on a real actor with the screen's promises checked at every step;
 * then every state node and every transition candidate of the machine must have been reached.
 * Only events that reach the kiosk from outside are sent (keys as nav and input events, the
 * watchdog, the parent's io answers): button events are raised by the kiosk itself, so the model
 * also proves that the buttons reach them.
 */
import { describe, expect, it, vi } from 'vitest';
import { kioskButtons, type KioskScreen } from '../../machines/terminal/kioskButtons.js';
import { isValidPhoneDigits } from '../../src/domain/mobile/phone.js';
import { CoverageRecorder } from './coverage.js';
import { abstract, BUTTON_SCREENS, INPUT, machine, model, requestCash, requestLookup, requestTopUpCash } from './kioskModel.js';
import { TOPUP_CODE } from '../../src/domain/mobile/topup.js';
import { maximalPaths, runPaths, type StepCheck } from './modelRunner.js';

// CPU-bound path replays: the timeout only guards a hang; two workers beside child processes slow them
vi.setConfig({ testTimeout: 180_000 });

// The walk with the jam's service side takes ~30 s alone on 2 cores; in the full suite it shares them.
const MODEL_TIMEOUT_MS = 150_000;

const TAGS: Record<string, string[]> = {
  idle: [], menu: ['menu'], services: ['menu'], catalogs: ['menu'], orderEntry: ['entry'], lookingUp: [],
  refused: ['menu'], checkData: ['menu'], phoneEntry: ['entry'], cash: [], receipt: ['menu'],
  servicePin: ['entry'], serviceLoading: [], service: ['menu'], encashing: [], serviceReceipt: ['menu'],
  topupPhone: ['entry'], topupCash: [], outOfService: [], clearingJam: [],
};

function makeChecker() {
  let lookups = 0;
  let cashRequests = 0;
  let topUpRequests = 0;
  return {
    reset: () => void ((lookups = 0), (cashRequests = 0), (topUpRequests = 0)),
    check: ({ real, before }: StepCheck<typeof machine>) => {
      const state = String(real.value);
      const c = real.context;
      const entered = (name: string) => state === name && before?.value !== name;
      expect([...real.tags].sort(), `tags of ${state}`).toEqual(TAGS[state]);
      expect(c.orderDigits).toMatch(/^\d{0,10}$/);
      expect(c.phoneDigits).toMatch(/^(9\d{0,9})?$/);
      if (BUTTON_SCREENS.has(state)) {
        expect(c.focus).toBeGreaterThanOrEqual(0);
        expect(c.focus).toBeLessThan(kioskButtons(state as KioskScreen, c).length);
      }
      // A lookup and a cash session are asked for once per entry, never otherwise.
      if (entered('lookingUp')) lookups++;
      if (entered('cash')) cashRequests++;
      expect(requestLookup).toHaveBeenCalledTimes(lookups);
      expect(requestCash).toHaveBeenCalledTimes(cashRequests);
      if (entered('topupCash')) topUpRequests++;
      expect(requestTopUpCash).toHaveBeenCalledTimes(topUpRequests);
      // a jam keeps the terminal out of service until service mode clears it: no customer screen meanwhile
      // the registry out of reach: no customer screen before cash (a payment under way and its receipt are finished)
      if (c.registryDown !== null) expect(['outOfService', 'cash', 'topupCash', 'receipt', 'servicePin', 'serviceLoading', 'service', 'encashing', 'serviceReceipt', 'clearingJam']).toContain(state);
      if (c.jam) expect(['outOfService', 'servicePin', 'serviceLoading', 'service', 'encashing', 'serviceReceipt', 'clearingJam', 'cash', 'topupCash']).toContain(state);
      switch (state) {
        case 'idle':
          expect(c).toMatchObject({ lang: c.defaultLang, orderDigits: '', phoneDigits: '', operator: null, operatorChosen: false, payable: null, refusal: null, receipt: null });
          break;
        case 'serviceLoading':
          // only the right PIN opens the service side, and the wrong ones are forgotten
          expect(before?.value === 'servicePin' ? before.context.pinDigits : c.servicePin).toBe(c.servicePin);
          expect(c.serviceAttempts).toBe(0);
          break;
        case 'lookingUp':
          expect(c.orderDigits).toHaveLength(c.orderNumberLength);
          expect(requestLookup.mock.lastCall?.[0].context.orderDigits).toBe(c.orderDigits);
          break;
        case 'refused':
          expect(c.refusal?.code).toBe(c.orderDigits);
          expect(c.payable).toBeNull();
          break;
        case 'checkData':
        case 'phoneEntry':
          expect(c.payable?.code).toBe(c.orderDigits);
          expect(c.refusal).toBeNull();
          break;
        case 'cash':
          expect(isValidPhoneDigits(c.phoneDigits)).toBe(true);
          expect(c.operator).not.toBeNull();
          expect(requestCash.mock.lastCall?.[0].context).toMatchObject({ payable: c.payable, phoneDigits: c.phoneDigits, operator: c.operator });
          break;
        // a top-up has no order: nothing payable, nothing refused
        case 'topupPhone':
          expect(c.payable).toBeNull();
          expect(c.refusal).toBeNull();
          break;
        case 'topupCash':
          expect(isValidPhoneDigits(c.phoneDigits)).toBe(true);
          expect(c.operator).not.toBeNull();
          expect(c.payable).toBeNull();
          expect(requestTopUpCash.mock.lastCall?.[0].context).toMatchObject({ phoneDigits: c.phoneDigits, operator: c.operator });
          break;
        case 'receipt':
          expect(c.receipt?.code).toBe(c.payable?.code ?? TOPUP_CODE);
          break;
      }
    },
  };
}

describe('kiosk machine, model-based (xstate/graph)', () => {
  const paths = maximalPaths(model.getShortestPaths({ allowDuplicatePaths: true }));

  it('every generated path replays on a real actor, and together they enter every state and take every transition', async () => {
    expect(paths.length).toBeGreaterThan(100);
    const recorder = new CoverageRecorder();
    const checker = makeChecker();
    const { steps, checks } = await runPaths(paths, {
      machine,
      input: INPUT,
      key: abstract,
      recorder,
      beforePath: () => {
        requestLookup.mockClear();
        requestCash.mockClear();
        requestTopUpCash.mockClear();
        checker.reset();
      },
      check: checker.check,
    });
    expect(checks).toBe(steps);
    expect(steps).toBeGreaterThan(paths.length * 5);
    const missing = recorder.report(machine);
    expect(missing, `kiosk coverage:\n${missing}`).toBe('');
  }, MODEL_TIMEOUT_MS);

  it('the coverage check names what a smaller set of paths leaves out (paths that never get a payment answer)', async () => {
    const withoutPayment = paths.filter((p) => !p.steps.some((step) => step.event.type === 'io.paymentCompleted'));
    const recorder = new CoverageRecorder();
    await runPaths(withoutPayment, { machine, input: INPUT, key: abstract, recorder, check: () => {} });
    const { states, transitions } = recorder.missing(machine);
    expect(states).toEqual(['receipt']);
    expect(transitions).toContain('cash|io.paymentCompleted|0  (cash --io.paymentCompleted--> receipt)');
    expect(transitions).toContain('receipt|timer.inactivity|0  (receipt --timer.inactivity--> idle)');
    expect(recorder.report(machine)).toMatch(/^1 state\(s\) never entered:\n  receipt\n\d+ transition\(s\) never taken:/);
  }, MODEL_TIMEOUT_MS);
});
