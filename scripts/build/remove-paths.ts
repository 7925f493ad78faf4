// What earlier builds left (a previous site of ~100,000 files at 3,500 plans) and the caches' unused entries,
// removed while the build runs, on a worker thread with fs.rmSync: Node's promise-based rm walks a tree in
// JavaScript, a promise per file (measured on one such site: 4.9 s of CPU, against 1.1 s for rmSync's native
// walk), and that CPU is taken from the pipeline working beside it on a 2-core machine.
import { Worker } from 'node:worker_threads';

// The thread at the lowest priority (on Linux a thread's own, os.setPriority of the calling thread): the removal
// takes the cores only while the steps leave them idle.
const REMOVE = `
const { rmSync } = require('node:fs');
const { setPriority } = require('node:os');
const { workerData } = require('node:worker_threads');
setPriority(19);
for (const path of workerData) rmSync(path, { recursive: true, force: true });
`;

/** Removes the files and folders (a missing one is no error) without blocking this thread; resolves once all are gone. */
export function removeInBackground(paths: string[]): Promise<void> {
  if (paths.length === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const worker = new Worker(REMOVE, { eval: true, workerData: paths });
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`removing ${paths.length} path(s) stopped (exit code ${code})`))));
  });
}
