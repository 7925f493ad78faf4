// A worker thread that indexes search bundles (index-bundle.ts) one after another with its own
// Pagefind service, so bundles are indexed on every core (build-index.ts starts these). Its
// environment carries the index chunk size the service reads when it starts.
import { parentPort } from 'node:worker_threads';
import { closePagefind, indexBundle, type BundleJob } from './index-bundle.ts';

/** A message to the worker: a bundle to index, or null when there are no more. */
export type WorkerRequest = BundleJob | null;
export type WorkerReply = { result: Awaited<ReturnType<typeof indexBundle>> } | { error: string };

const port = parentPort!;
port.on('message', async (job: WorkerRequest) => {
  if (job === null) {
    await closePagefind();
    port.close();
    return;
  }
  try {
    port.postMessage({ result: await indexBundle(job) } satisfies WorkerReply);
  } catch (error) {
    port.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkerReply);
  }
});
