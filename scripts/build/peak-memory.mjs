// Preloaded into the Astro build (NODE_OPTIONS=--import) so the build report can note
// its peak memory: a child process's memory is not visible to the parent.
import { appendFileSync } from 'node:fs';

const file = process.env.NQ57_PEAK_MEMORY_FILE;
if (file) process.on('exit', () => appendFileSync(file, `${process.resourceUsage().maxRSS}\n`));
