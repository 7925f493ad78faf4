// The downloadable sources (dist/nguon/<id>.txt): the seed file itself, byte for byte, the bytes that were read,
// never a link to elsewhere. A UTF-8 one gets a BOM in front when it has none, so a browser shows it as UTF-8
// whatever the server says (decode.ts); a legacy-encoded one (sourceEncoding) stays as it came.
import { join } from 'node:path';
import type { SitePlan } from '../contract/schemas/document.ts';
import { withByteOrderMark } from '../pipeline/decode.ts';
import type { FileStore } from './file-store.ts';
import { digest } from '../pipeline/memo.ts';

/** The published bytes of a plan's source. */
export function sourceBytes(plan: Pick<SitePlan, 'sourceEncoding'>, bytes: Uint8Array): Uint8Array {
  return plan.sourceEncoding ? bytes : withByteOrderMark(bytes);
}

/** Writes every plan's source into `distDir` through the store: keyed by its bytes, a source an earlier build stored is linked. */
export function writeSources(store: FileStore, distDir: string, plans: readonly SitePlan[], sources: Map<string, Uint8Array>): void {
  for (const plan of plans) {
    const bytes = sources.get(plan.sourceFile)!;
    store.place(join(distDir, 'nguon', `${plan.id}.txt`), digest('source', plan.sourceEncoding ? 'as-read' : 'bom', bytes), () => sourceBytes(plan, bytes));
  }
}
