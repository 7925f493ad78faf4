// Where a library-wide step finds the per-document work of earlier builds (the build's
// document cache, scripts/build/document-cache.ts): entries under keys the step makes, each a
// hash of everything that work depends on, so an entry found is the work's result on this input.
export interface Memo {
  get<T>(key: string): T | null;
  set(key: string, value: unknown): void;
}
