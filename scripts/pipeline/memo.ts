// Where a library-wide step finds the per-document work of earlier builds (the build's
// document cache, scripts/build/document-cache.ts): entries under keys the step makes, each a
// hash of everything that work depends on, so an entry found is the work's result on this input.
import { createHash } from 'node:crypto';

export interface Memo {
  get<T>(key: string): T | null;
  set(key: string, value: unknown): void;
  /** Per-plan work a step found in one entry it keeps for every plan (reused) or did afresh (computed): counted as `get` counts. */
  tally?(reused: number, computed: number): void;
  /** Keeps an entry for later builds, though this build does not read it. */
  keep?(key: string): void;
}

/** A key from the texts given (inputs, or digests of them), in order: a hash of each, separated. */
export function digest(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

/** Binary data kept in a memo entry (JSON) as base64, and back. */
export const toBase64 = (view: ArrayBufferView) => Buffer.from(view.buffer, view.byteOffset, view.byteLength).toString('base64');
export const fromBase64 = (base64: string | undefined) => new Uint8Array(Buffer.from(base64 ?? '', 'base64'));

// One digest per plan's blocks, however many keys name them (the targets', the plan text's, the open data's):
// a plan's blocks are not changed once read, so the digest of the same array is the same.
const digests = new WeakMap<readonly unknown[], string>();

/** Notes the digest of these very blocks made when they were read (kept with them in the document cache). */
export function noteBlocksDigest(blocks: readonly unknown[], digest: string): void {
  digests.set(blocks, digest);
}

/** A digest of a plan's blocks (its text, ids and kinds), made once per build for each plan. */
export function blocksDigest(blocks: readonly unknown[]): string {
  let found = digests.get(blocks);
  if (found === undefined) {
    found = createHash('sha256').update(JSON.stringify(blocks)).digest('hex');
    digests.set(blocks, found);
  }
  return found;
}

const planDigests = new WeakMap<object, string>();

/**
 * A digest of everything in a plan: its blocks by their digest, the rest as JSON (keys in order). Made once per
 * plan object (the search input's and the open data's keys of the same plan share it).
 */
export function planDigest(plan: { readonly blocks: readonly unknown[] }): string {
  let found = planDigests.get(plan);
  if (found === undefined) {
    found = createHash('sha256').update(blocksDigest(plan.blocks)).update('\0').update(JSON.stringify({ ...plan, blocks: null })).digest('hex');
    planDigests.set(plan, found);
  }
  return found;
}
