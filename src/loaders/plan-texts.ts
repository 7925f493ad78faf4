// The content loader of the plans' texts: each HTML fragment the pipeline wrote
// (scripts/pipeline/emit-html.ts) becomes an entry whose rendered HTML is that fragment, so
// render(entry) shows it with no module per plan for Vite to compile. A text whose file is
// unchanged since the last build (same digest) stays as Astro's store kept it.
import { readdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { PLAN_TEXTS } from '../../scripts/contract/generated.ts';

/** The texts under `<generated>/plans/` (a folder relative to the site's root, or absolute). */
export function planTexts(generated: string): Loader {
  return {
    name: 'plan-texts',
    schema: PLAN_TEXTS.entry,
    load: async ({ config, store, parseData, generateDigest }) => {
      const folder = resolve(fileURLToPath(config.root), generated, PLAN_TEXTS.folder);
      const ids = new Set<string>();
      for (const name of await readdir(folder)) {
        if (!name.endsWith(PLAN_TEXTS.extension)) continue;
        const id = name.slice(0, -PLAN_TEXTS.extension.length);
        ids.add(id);
        const html = await readFile(resolve(folder, name), 'utf8');
        const digest = generateDigest(html);
        if (store.get(id)?.digest === digest) continue;
        store.set({ id, data: await parseData({ id, data: { planId: id } }), digest, rendered: { html } });
      }
      for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
    },
  };
}
