// Preloaded by scripts/coldStartWall.mjs (`node --import ./scripts/coldStartProbe.mjs dist/kiosk.js …`):
// at the first write to stdout that holds $COLD_START_MARKER it appends one JSON line to
// $COLD_START_OUT with where the start's time went, read from the kernel, then ends the process.
// It changes nothing before that write, so the kiosk and the bare hello pay it alike.
//
//   ms          since the process started (performance.now(): node's time origin)
//   mainCpuMs   the main thread on a CPU (/proc/self/task/PID/schedstat), the only thread the frame waits for
//   mainWaitMs  the main thread ready but not on a CPU (another process or thread had it): the load's share
//   helperCpuMs every other thread on a CPU (V8's compiler and collector threads, libuv's pool)
//   minorFaults pages touched for the first time (/proc/self/stat), each a trip into the kernel
//   gcCount, gcMs  garbage collections on the main thread (PerformanceObserver 'gc')
import { appendFileSync, readFileSync, readdirSync } from 'node:fs';
import { PerformanceObserver } from 'node:perf_hooks';

const marker = process.env.COLD_START_MARKER;
const out = process.env.COLD_START_OUT;
if (marker && out) {
  const gcs = [];
  const observer = new PerformanceObserver((list) => gcs.push(...list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  const schedstat = (tid) => readFileSync(`/proc/self/task/${tid}/schedstat`, 'utf8').trim().split(' ').map(Number);
  const write = process.stdout.write.bind(process.stdout);
  let seen = '';
  let done = false;
  process.stdout.write = function probe(chunk, ...rest) {
    const result = write(chunk, ...rest);
    if (done) return result;
    // the marker may arrive split over writes, and between escape sequences
    seen = (seen + String(chunk)).replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').slice(-4096);
    if (!seen.includes(marker)) return result;
    done = true;
    const ms = performance.now();
    const [mainRun, mainWait] = schedstat(process.pid);
    let helper = 0;
    for (const tid of readdirSync('/proc/self/task')) if (Number(tid) !== process.pid) helper += schedstat(tid)[0];
    // /proc/self/stat: the fields after the command's closing parenthesis; minflt is the 10th of the whole line
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const minorFaults = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[7]);
    // entries still queued in the observer count too
    gcs.push(...observer.takeRecords());
    const line = {
      ms: +ms.toFixed(1),
      mainCpuMs: +(mainRun / 1e6).toFixed(1),
      mainWaitMs: +(mainWait / 1e6).toFixed(1),
      helperCpuMs: +(helper / 1e6).toFixed(1),
      minorFaults,
      gcCount: gcs.length,
      gcMs: +gcs.reduce((sum, entry) => sum + entry.duration, 0).toFixed(1),
      heapMiB: +(process.memoryUsage().heapUsed / 1048576).toFixed(1),
    };
    appendFileSync(out, `${JSON.stringify(line)}\n`);
    // after this write has reached the terminal
    setImmediate(() => process.exit(0));
    return result;
  };
}
