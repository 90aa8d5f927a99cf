/**
 * A stand-in Learning Record Store on 127.0.0.1 (issue 18), as small as the tests need: it checks
 * the xAPI version header and the Basic auth, validates every statement, stores them by id (a
 * statement sent again is kept once; a different one with a known id is a 409), and can refuse.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { xapiProblems } from '../domain/training/xapiValidator.js';

export interface StandInLrs {
  /** the endpoint to give --xapi-send */
  endpoint: string;
  /** statements held, by id */
  statements: Map<string, unknown>;
  /** every POST, in order: how many statements and the answer */
  posts: Array<{ count: number; status: number }>;
  /** refuse (503) this many of the next requests */
  refuseNext(count: number): void;
  /** refuse (503) the request with this 1-based number, once */
  refuseRequest(n: number): void;
  close(): Promise<void>;
}

export async function startStandInLrs(auth: string): Promise<StandInLrs> {
  const statements = new Map<string, unknown>();
  const posts: StandInLrs['posts'] = [];
  let refusals = 0;
  let refusedRequest = 0;
  const expected = `Basic ${Buffer.from(auth).toString('base64')}`;

  async function answer(request: IncomingMessage, response: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const reply = (status: number, body: unknown, count = 0) => {
      posts.push({ count, status });
      response.writeHead(status, { 'Content-Type': 'application/json', 'X-Experience-API-Version': '1.0.3' });
      response.end(JSON.stringify(body));
    };
    if (request.method !== 'POST' || request.url !== '/xapi/statements') return reply(404, { error: 'not found' });
    if (request.headers['x-experience-api-version'] !== '1.0.3') return reply(400, { error: 'X-Experience-API-Version 1.0.3 expected' });
    if (request.headers.authorization !== expected) return reply(401, { error: 'unauthorised' });
    const batch = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Array<{ id: string }>;
    if (refusals > 0 || refusedRequest === posts.length + 1) {
      refusals = Math.max(0, refusals - 1);
      refusedRequest = 0;
      return reply(503, { error: 'try later' }, batch.length);
    }
    const problems = batch.flatMap((s) => xapiProblems(s).map((p) => `${s.id}: ${p}`));
    if (problems.length > 0) return reply(400, { error: problems }, batch.length);
    const conflict = batch.find((s) => statements.has(s.id) && JSON.stringify(statements.get(s.id)) !== JSON.stringify(s));
    if (conflict) return reply(409, { error: `statement ${conflict.id} differs` }, batch.length);
    for (const s of batch) if (!statements.has(s.id)) statements.set(s.id, s);
    reply(200, batch.map((s) => s.id), batch.length);
  }

  const server = createServer((request, response) => void answer(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}/xapi`,
    statements,
    posts,
    refuseNext: (count) => void (refusals = count),
    refuseRequest: (n) => void (refusedRequest = n),
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
