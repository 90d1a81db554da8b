// `npm run bench`: every benchmark, printed as ratios to its in-process baseline.
import { benchStartup } from './startup.js';

const startup = await benchStartup();
const f = (n: number) => n.toFixed(0).padStart(6);
console.log('Start-up on the embedded database (median of 3)');
console.log(`  fresh data dir:    ${f(startup.freshMs)} ms  vs PGlite alone ${f(startup.baselineFreshMs)} ms  → ${startup.freshRatio.toFixed(2)}×`);
console.log(`  existing data dir: ${f(startup.existingMs)} ms  vs PGlite alone ${f(startup.baselineExistingMs)} ms  → ${startup.existingRatio.toFixed(2)}×`);
process.exit(0);
