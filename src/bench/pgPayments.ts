/**
 * Rows 17 and 18 (issue 20): payments on a PostgreSQL registry over loopback, on the benchmark's own
 * durable server (pgServer.ts), each against a raw conditional UPDATE … WHERE status = 'awaiting'
 * RETURNING on the same server in the same run, taking turns.
 *   17: one terminal's payment as the kiosk makes it (open the session: one statement; journal the note:
 *       a transaction; pay: one statement, the session known to the store that opened it, pgPayOnce.ts),
 *       p99 and p50; the raw UPDATE's round trip beside it.
 *   18: contested payments per second: 4 clients pay the same codes at once (each with its session
 *       opened and its note journaled beforehand), against 4 clients claiming the same codes with the
 *       raw UPDATE. Every code is checked credited exactly once before the figure counts. Beside the
 *       rates, the CPU a payment costs on each side (the server's processes from /proc, this process's
 *       own), which the load on a shared machine moves far less than the rates, and the write-ahead log
 *       a payment makes the server write (its insert position before and after), which the load does not move.
 */
import pg from 'pg';
import { newOrder } from '../domain/orders/orders.js';
import { PgStore } from '../store/pg/pgStore.js';
import { row, type Row } from './report.js';
import { median, quantile } from './stats.js';
import { startBenchServer } from './pgServer.js';
import { ownCpuMs, treeCpuMs } from './procCpu.js';

const PHONE = '+79161234567';
const AMOUNT = '4750.00';
const CLIENTS = 4;
const code = (n: number): string => String(6_000_000_000 + n);

async function timedAsync(work: () => Promise<unknown>): Promise<number> {
  const startedAt = performance.now();
  await work();
  return performance.now() - startedAt;
}

/**
 * a round's payments: per second, CPU milliseconds a payment on the server's side (null without /proc)
 * and on this process's, and the bytes of write-ahead log a payment made the server write
 */
interface Round {
  perSecond: number;
  serverMs: number | null;
  kioskMs: number;
  walBytes: number;
}

/** where the server's write-ahead log ends now (its insert position), as a byte count; read by a client no payment uses */
const walAt = async (client: pg.Client): Promise<number> =>
  Number((await client.query<{ at: string }>(`SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0')::text AS at`)).rows[0]!.at);

async function measured(serverPid: number, wal: pg.Client, payments: number, work: () => Promise<unknown>): Promise<Round> {
  // the log's position read outside the CPU counted: its round trip is the bench's, not the payments'
  const walBefore = await walAt(wal);
  const server = treeCpuMs(serverPid);
  const kiosk = ownCpuMs();
  const ms = await timedAsync(work);
  // this process's CPU first: reading /proc is its own work, not the payments'
  const kioskMs = (ownCpuMs() - kiosk) / payments;
  const serverNow = treeCpuMs(serverPid);
  const walBytes = ((await walAt(wal)) - walBefore) / payments;
  return { perSecond: payments / (ms / 1000), serverMs: server === null || serverNow === null ? null : (serverNow - server) / payments, kioskMs, walBytes };
}

/** the baseline's table: as little as a claim needs */
async function rawTable(url: string, codes: number): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('DROP TABLE IF EXISTS raw_orders');
  await client.query(`CREATE TABLE raw_orders (code TEXT PRIMARY KEY, status TEXT NOT NULL)`);
  await client.query(`INSERT INTO raw_orders SELECT (6000000000 + n)::text, 'awaiting' FROM generate_series(0, $1 - 1) AS n`, [codes]);
  return client;
}

const claim = (client: pg.Client, n: number) =>
  client.query(`UPDATE raw_orders SET status = 'paid' WHERE code = $1 AND status = 'awaiting' RETURNING code`, [code(n)]);

export async function pgPaymentLatency(payments: number): Promise<Row> {
  const server = await startBenchServer();
  try {
    const store = await PgStore.open(server.url, { schema: 'bench_latency', maxConnections: 1 });
    const raw = await rawTable(server.url, payments + 1);
    try {
      const at = Date.now();
      for (let n = 0; n <= payments; n++) await store.addOrder(newOrder({ code: code(n), codeAmount: AMOUNT, phone: PHONE, issuedAt: at }));
      const pay = async (n: number) => {
        const id = `T1-${n}`;
        await store.openSession({ id, terminalId: 'T1', code: code(n), due: AMOUNT, phone: PHONE, operator: 'mts', openedAt: at });
        await store.journalNote(id, 5000, at);
        await store.completePayment(id, 'pay', at);
      };
      // one unmeasured payment each: connections made, statements planned
      await pay(payments);
      await claim(raw, payments);
      const viaStore: number[] = [];
      const viaRaw: number[] = [];
      for (let n = 0; n < payments; n++) {
        if (n % 2 === 0) {
          viaStore.push(await timedAsync(() => pay(n)));
          viaRaw.push(await timedAsync(() => claim(raw, n)));
        } else {
          viaRaw.push(await timedAsync(() => claim(raw, n)));
          viaStore.push(await timedAsync(() => pay(n)));
        }
      }
      const p99 = quantile(viaStore, 0.99);
      return row({
        id: 17,
        name: 'payment over PostgreSQL, loopback (p99)',
        figure: p99,
        baseline: quantile(viaRaw, 0.99),
        unit: 'ms',
        ratio: p99 / quantile(viaRaw, 0.99),
        target: { on: 'figure', op: '<=', limit: 100 },
        detail:
          `${payments} payments, one after another, on a durable server (fsync on): open the session (one statement), journal a note (a transaction), pay (one conditional statement) ` +
          `p50 ${median(viaStore).toFixed(2)} ms, p99 ${p99.toFixed(2)} ms; raw conditional UPDATE (autocommit) p50 ${median(viaRaw).toFixed(2)} ms, ` +
          `p99 ${quantile(viaRaw, 0.99).toFixed(2)} ms`,
        samples: { storeMs: viaStore, rawMs: viaRaw },
      });
    } finally {
      await store.close();
      await raw.end();
    }
  } finally {
    await server.stop();
  }
}

/** One round of the store's side: codes [from, from + codes) paid by every client at once; payments per second. */
async function contestedStoreRound(clients: PgStore[], setup: PgStore, wal: pg.Client, from: number, codes: number, serverPid: number): Promise<Round> {
  const at = Date.now();
  for (let n = from; n < from + codes; n++) await setup.addOrder(newOrder({ code: code(n), codeAmount: AMOUNT, phone: PHONE, issuedAt: at }));
  // each client's customer has a phone of their own: the change of a late payer goes there
  await Promise.all(clients.map(async (store, c) => {
    for (let n = from; n < from + codes; n++) {
      await store.openSession({ id: `C${c}-${n}`, terminalId: `T${c}`, code: code(n), due: AMOUNT, phone: `+7916000000${c}`, operator: 'mts', openedAt: at });
      await store.journalNote(`C${c}-${n}`, 5000, at);
    }
  }));
  const round = await measured(serverPid, wal, clients.length * codes, () => Promise.all(clients.map(async (store, c) => {
    for (let n = from; n < from + codes; n++) await store.completePayment(`C${c}-${n}`, 'pay', at);
  })));
  const credited = await Promise.all(Array.from({ length: codes }, async (_, i) => (await setup.findOrder(code(from + i)))!.credits.length));
  if (credited.some((n) => n !== 1)) throw new Error(`contested payments: credits per code ${credited.join(',')}, expected 1 each`);
  return round;
}

const contestedRawRound = (clients: pg.Client[], wal: pg.Client, from: number, codes: number, serverPid: number): Promise<Round> =>
  measured(serverPid, wal, clients.length * codes, () => Promise.all(clients.map(async (client) => {
    for (let n = from; n < from + codes; n++) await claim(client, n);
  })));

const cpu = (rounds: Round[], side: 'serverMs' | 'kioskMs'): string => {
  const known = rounds.map((r) => r[side]).filter((ms): ms is number => ms !== null);
  return known.length > 0 ? `${median(known).toFixed(2)} ms` : 'not measured (no /proc)';
};

const walPerPayment = (rounds: Round[]): string => `${Math.round(median(rounds.map((r) => r.walBytes)))} B`;

export async function pgContested(codes: number, rounds: number): Promise<Row> {
  const server = await startBenchServer();
  const schema = 'bench_contested';
  const setup = await PgStore.open(server.url, { schema });
  const clients = await Promise.all(Array.from({ length: CLIENTS }, () => PgStore.open(server.url, { schema, maxConnections: 1 })));
  const rawSetup = await rawTable(server.url, codes * rounds);
  const rawClients = await Promise.all(Array.from({ length: CLIENTS }, async () => {
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    return client;
  }));
  try {
    const viaStore: Round[] = [];
    const viaRaw: Round[] = [];
    const serverPid = server.pid();
    for (let r = 0; r < rounds; r++) {
      const store = () => contestedStoreRound(clients, setup, rawSetup, r * codes, codes, serverPid);
      const raw = () => contestedRawRound(rawClients, rawSetup, r * codes, codes, serverPid);
      if (r % 2 === 0) {
        viaStore.push(await store());
        viaRaw.push(await raw());
      } else {
        viaRaw.push(await raw());
        viaStore.push(await store());
      }
    }
    const storeRate = median(viaStore.map((r) => r.perSecond));
    const rawRate = median(viaRaw.map((r) => r.perSecond));
    return row({
      id: 18,
      name: 'contested payments per second, PostgreSQL',
      figure: storeRate,
      baseline: rawRate,
      unit: '/s',
      ratio: storeRate / rawRate,
      target: { on: 'ratio', op: '>=', limit: 0.5 },
      detail:
        `median of ${rounds} rounds, taking turns: ${CLIENTS} clients pay the same ${codes} codes at once (PgStore.completePayment, ` +
        `sessions opened beforehand, a phone per client; each code credited once, the others' cash to their phones) vs ${CLIENTS} clients claiming ` +
        `them with a raw conditional UPDATE … RETURNING (autocommit); a durable server (fsync on). CPU a payment (median of the rounds): ` +
        `server ${cpu(viaStore, 'serverMs')} vs ${cpu(viaRaw, 'serverMs')} raw, this process ${cpu(viaStore, 'kioskMs')} vs ${cpu(viaRaw, 'kioskMs')} raw; ` +
        `write-ahead log a payment (median of the rounds) ${walPerPayment(viaStore)} vs ${walPerPayment(viaRaw)} raw`,
      samples: {
        storePerSecond: viaStore.map((r) => r.perSecond), rawPerSecond: viaRaw.map((r) => r.perSecond),
        // no /proc: no server CPU samples
        storeServerCpuMs: viaStore.flatMap((r) => r.serverMs ?? []), rawServerCpuMs: viaRaw.flatMap((r) => r.serverMs ?? []),
        storeKioskCpuMs: viaStore.map((r) => r.kioskMs), rawKioskCpuMs: viaRaw.map((r) => r.kioskMs),
        storeWalBytes: viaStore.map((r) => r.walBytes), rawWalBytes: viaRaw.map((r) => r.walBytes),
      },
    });
  } finally {
    await Promise.all([setup, ...clients].map((s) => s.close()));
    await Promise.all([rawSetup, ...rawClients].map((c) => c.end()));
    await server.stop();
  }
}
