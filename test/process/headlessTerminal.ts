/**
 * The kiosk without its Ink screen, for the bulk of the kill test: the same store opening, crash hook,
 * session owner, terminal factory (src/app/session.ts), adapters and keymap as `kiosk` (src/cli/run.tsx), driven by keys
 * read from stdin one line at a time. After each line it prints what a screen would show:
 *   recovered <amount> <code>   (on start, one per recovered payment)
 *   jammed <held notes> <code>  (on start, when a note held by a bill acceptor jam awaits service)
 *   ready                       (start-up done)
 *   view <screen> <inserted> <receipt number or -> [<the lookup's refusal reason, on the refused screen>]
 *   link lost|back <screen>     (on a registry: it went out of reach or came back, and the screen then)
 * A line `!fault <fault>` injects a fault (`!fault jam`: the next note jams) as a tape's `Fault` step
 * does, and prints `fault <fault>`.
 * Bundled and run as a child process by test/process/kill.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { waitFor } from 'xstate';
import { crashHookFromEnv } from '../../src/adapters/crashHook.js';
import { currentOwner } from '../../src/adapters/sessionOwner.js';
import { mapKey, splitKeys } from '../../src/app/keymap.js';
import { startTerminal } from '../../src/app/session.js';
import { viewOf } from '../../src/app/view.js';
import { openKioskData, tellRegistryLink } from '../../src/cli/kioskData.js';
import { DEFAULT_RULES } from '../../src/domain/rules.js';
import { isSettled } from '../../machines/settled.js';

const checkpoint = crashHookFromEnv();
// KIOSK_TEST_PROBE_MS, KIOSK_TEST_PROBE_TIMEOUT_MS: the registry's probe and its wait for the answer, shorter than the CLI's defaults for the outage test
const probeMs = Number(process.env.KIOSK_TEST_PROBE_MS ?? '') || undefined;
const probeTimeoutMs = Number(process.env.KIOSK_TEST_PROBE_TIMEOUT_MS ?? '') || undefined;
const data = await openKioskData({
  memory: false, dataDir: process.env.KIOSK_DATA_DIR ?? null, store: process.env.KIOSK_STORE ?? null,
  ...(probeMs ? { registryProbeMs: probeMs } : {}), ...(probeTimeoutMs ? { registryProbeTimeoutMs: probeTimeoutMs } : {}),
}, checkpoint);
const terminalId = `headless-${process.pid}`;
const actor = startTerminal({
  store: data.store, rules: DEFAULT_RULES, lang: 'en', terminalId, newSessionId: randomUUID, owner: currentOwner(), checkpoint,
  onPayment: ({ receipt }) => void data.keepPrinted(receipt, 'en'),
});
const settled = () => waitFor(actor, isSettled);

const start = await settled();
for (const r of start.context.recovered) process.stdout.write(`recovered ${r.accepted} ${r.code}\n`);
const { jam } = start.context;
if (jam) process.stdout.write(`jammed ${jam.held.join('+')} ${jam.code}\n`);
process.stdout.write('ready\n');
// the registry's link, as run.tsx tells it, and the screen once the terminal has settled (not a view line:
// a change during a key's handling must not take the place of the key's own view line)
tellRegistryLink(data.link, (event) => actor.send(event), (link) => {
  void settled().then((s) => process.stdout.write(`link ${link.reachable ? 'back' : 'lost'} ${viewOf(s).screen}\n`));
});

for await (const line of createInterface({ input: process.stdin })) {
  const fault = /^!fault (cassette-full|paper-out|jam)$/.exec(line)?.[1];
  if (fault) {
    actor.send({ type: 'fault.inject', fault: fault as 'cassette-full' | 'paper-out' | 'jam' });
    await settled();
    process.stdout.write(`fault ${fault}\n`);
    continue;
  }
  const keys = line.replace(/\\r/g, '\r').replace(/\\x03/g, '\x03');
  // as Ink hands them over: one key per character, Enter as `return`
  const pressed = keys.length === 1 ? [[keys, keys === '\r' ? { return: true } : {}] as const] : splitKeys(keys, {});
  for (const [input, key] of pressed) {
    if (input === '\x03') process.exit(0);
    const action = mapKey(viewOf(actor.getSnapshot()), input, key);
    if (action.kind === 'send') actor.send(action.event);
    await settled();
  }
  const view = viewOf(actor.getSnapshot());
  // a refused lookup adds its reason (alreadyPaid, expired, …) as a fifth field
  const refusal = view.screen === 'refused' && view.kiosk.refusal ? ` ${view.kiosk.refusal.reason}` : '';
  process.stdout.write(`view ${view.screen} ${view.cash?.inserted ?? '-'} ${view.kiosk.receipt?.number ?? '-'}${refusal}\n`);
}
