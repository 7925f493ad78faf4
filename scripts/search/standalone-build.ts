// STAND-IN until scripts/build.ts on main calls buildSearchIndex: indexes the
// already built site (dist/) with the rough seed plans, for the browser tests.
import { buildSearchIndex } from './build-index.ts';
import { loadSeedPlans } from './seed-plans.ts';

const outDir = process.argv[2] ?? 'dist';
const summary = await buildSearchIndex({ plans: loadSeedPlans('seeds'), outDir });
console.log(`search index: ${summary.plans} plans, ${summary.pages} pages, ${summary.words} words → ${summary.outputPath}`);
