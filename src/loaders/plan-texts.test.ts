import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createHash } from 'node:crypto';
import type { LoaderContext } from 'astro/loaders';
import { afterAll, describe, expect, it } from 'vitest';
import { PLAN_TEXTS, planTextFile } from '../../scripts/contract/generated.ts';
import { seedSiteData } from '../../tests/seeds.ts';
import { planTexts } from './plan-texts.ts';

interface Stored { id: string; data: Record<string, unknown>; digest?: string; rendered?: { html: string } }

/** Astro's store and context as the loader uses them; `written` lists every entry set. */
function context(root: string) {
  const entries = new Map<string, Stored>();
  const written: string[] = [];
  const store = {
    get: (id: string) => entries.get(id),
    set: (entry: Stored) => (written.push(entry.id), entries.set(entry.id, entry), true),
    keys: () => [...entries.keys()],
    delete: (id: string) => entries.delete(id),
  };
  const ctx = {
    config: { root: pathToFileURL(`${root}/`) },
    store,
    parseData: async ({ data }: { data: unknown }) => PLAN_TEXTS.entry.parse(data),
    generateDigest: (text: string) => createHash('sha256').update(text).digest('hex'),
  } as unknown as LoaderContext;
  return { ctx, entries, written };
}

describe('the plan-texts loader', () => {
  const root = mkdtempSync(join(tmpdir(), 'nq57-loader-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const texts = [...seedSiteData().files].filter(([name]) => name.startsWith(`${PLAN_TEXTS.folder}/`));
  mkdirSync(join(root, 'generated', PLAN_TEXTS.folder), { recursive: true });
  for (const [name, html] of texts) writeFileSync(join(root, 'generated', name), html);
  writeFileSync(join(root, 'generated', PLAN_TEXTS.folder, 'ghi-chu.txt'), 'not a text');
  const { ctx, entries, written } = context(root);
  const load = () => planTexts('generated').load(ctx);

  it('makes each HTML file an entry: its id the file name, its rendered HTML the file, byte for byte', async () => {
    await load();
    expect(texts).toHaveLength(5);
    expect([...entries.keys()].map(planTextFile).sort()).toEqual(texts.map(([name]) => name).sort());
    for (const [name, html] of texts) {
      const entry = [...entries.values()].find((e) => planTextFile(e.id) === name)!;
      expect(entry.data).toEqual({ planId: entry.id });
      expect(entry.rendered?.html).toBe(html);
    }
  });

  it('stores again only a changed text, and drops the entry of a text that is gone', async () => {
    const [[changed, html], [gone]] = texts as [string, string][];
    writeFileSync(join(root, 'generated', changed), `${html}<p>Bổ sung</p>`);
    unlinkSync(join(root, 'generated', gone));
    written.length = 0;
    await load();
    expect(written.map(planTextFile)).toEqual([changed]);
    expect(entries.size).toBe(4);
    expect([...entries.keys()].map(planTextFile)).not.toContain(gone);
  });
});
