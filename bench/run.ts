// `npm run bench`: every benchmark, printed as ratios to its in-process baseline.
// With DATABASE_URL the queue and SSE benchmarks run on that PostgreSQL server (each in a
// database created for the run and dropped after); without it, on PGlite in memory.
// BENCH_ONLY=startup,queue,sse picks some; BENCH_TOTAL_CALLS / BENCH_LONG_SECONDS bound the
// queue's long run (default 100,000 calls or 300 s, whichever comes first).
import { benchQueue } from './queue.js';
import { benchSse } from './sse.js';
import { benchStartup } from './startup.js';

const only = new Set((process.env.BENCH_ONLY ?? 'startup,queue,sse').split(',').map((s) => s.trim()));
const f = (n: number) => n.toFixed(0).padStart(6);
const ms = (n: number) => `${n.toFixed(1).padStart(7)} ms`;
const where = process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : 'PGlite (embedded)';
console.log(`${new Date().toISOString()} — node ${process.version}, database for queue/SSE: ${where}`);

if (only.has('startup')) {
  const startup = await benchStartup();
  console.log('Start-up on the embedded database (median of 3)');
  console.log(`  fresh data dir:    ${f(startup.freshMs)} ms  vs PGlite alone ${f(startup.baselineFreshMs)} ms  → ${startup.freshRatio.toFixed(2)}×`);
  console.log(`  existing data dir: ${f(startup.existingMs)} ms  vs PGlite alone ${f(startup.baselineExistingMs)} ms  → ${startup.existingRatio.toFixed(2)}×`);
}

if (only.has('queue')) {
  console.log(`Call-next throughput, ${where}`);
  const q = await benchQueue({ log: console.log });
  const t = (n: number) => `${n.toFixed(1).padStart(7)}/s`;
  console.log(`  ${q.windows} windows, batches of ${q.batchSize} waiting, median of ${q.ratioBatches} batch(es); tickets per second (call-next → start → complete each)`);
  console.log(`  ours:                    ${t(q.ours.perSecond)}   call-next p50 ${ms(q.ours.callP50)}, p99 ${ms(q.ours.callP99)}`);
  console.log(`    CPU of this process per ticket: ${q.ours.cpuMsPerTicket.toFixed(1)} ms${q.kind === 'pglite' ? ' (PGlite included: it runs in-process)' : ' (the PostgreSQL server\'s not included)'}`);
  if (q.ours.roundTripsPerTicket !== null) console.log(`    queries sent to PostgreSQL per ticket: ${q.ours.roundTripsPerTicket.toFixed(1)}`);
  if (q.ours.serverCpuMsPerTicket !== null) console.log(`    CPU of the PostgreSQL server per ticket: ${q.ours.serverCpuMsPerTicket.toFixed(1)} ms (read from /proc: the server runs on this machine)`);
  console.log(`  raw claim only:          ${t(q.claimOnly.perSecond)}   → ratio ${q.ratioVsClaim.toFixed(3)} (target ≥ 0.5)`);
  console.log(`  raw same-shape loop:     ${t(q.sameShape.perSecond)}   → ratio ${q.ratioVsSameShape.toFixed(3)}`);
  console.log(`  one window alone: ours ${t(q.oneWindow.ours)} vs raw same-shape ${t(q.oneWindow.sameShape)} → ratio ${q.oneWindow.ratio.toFixed(3)}`);
  const l = q.long;
  console.log(`  long run: ${l.calls} calls (target ${l.targetCalls}, budget ${l.budgetSeconds} s${l.reachedTarget ? '' : ' — budget ran out first'}) in ${l.batches} batches, ${l.wallSeconds.toFixed(0)} s`);
  console.log(`    calls ${t(l.callsPerSecond)} while draining, issues ${t(l.issuesPerSecond)}; at that rate ${l.targetCalls} calls would take ${(l.targetCalls / l.callsPerSecond / 60).toFixed(0)} min of draining`);
  console.log(`    from the database: double calls ${l.doubleCalls}, lost tickets ${l.lostTickets}, unfinished ${l.notDone}, numbering problems ${l.numberProblems}`);
}

if (only.has('sse')) {
  console.log(`SSE fan-out, ${where}: latency from the call-next response to each subscriber's ticket.called`);
  const s = await benchSse({ log: console.log });
  console.log(`  ${s.rounds} rounds per level; fd limit ${s.fdLimit}; subscribers in a child process`);
  for (const l of s.levels) {
    const r = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');
    console.log(`  N=${l.subscribers}: ours p50 ${ms(l.ours.p50)} p99 ${ms(l.ours.p99)} | bare node p50 ${ms(l.baseline.p50)} p99 ${ms(l.baseline.p99)} | p99 ratio ${r(l.ours.p99, l.baseline.p99)}`);
    console.log(`           from request sent: ours p50 ${ms(l.ours.p50FromSend)} p99 ${ms(l.ours.p99FromSend)} | bare p50 ${ms(l.baseline.p50FromSend)} p99 ${ms(l.baseline.p99FromSend)}; missing ${l.ours.missing}/${l.baseline.missing}; connect ${l.connectSeconds.toFixed(1)} s vs ${l.baselineConnectSeconds.toFixed(1)} s`);
  }
}
process.exit(0);
