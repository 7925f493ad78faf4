// Paragraph ids come from content: a real build of a seed with one paragraph inserted in its
// middle keeps every other paragraph's id (and so every quoted link), compared with the site
// built from the unchanged seeds.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SEED, seedText } from './seeds.ts';
import { ensureSite, readPlanParagraphs } from './helpers/site.ts';

vi.setConfig({ testTimeout: 300_000 });

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = await ensureSite();
const work = mkdtempSync(join(tmpdir(), 'nq57-ids-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const INSERTED = 'Đoạn văn mới được chèn vào giữa văn bản để kiểm tra liên kết cố định.';

describe('a seed with a paragraph inserted, built again', () => {
  const source = seedText(SEED.ninhThuan);
  const paragraphs = source.split(/\n{2,}/);
  const middle = Math.floor(paragraphs.length / 2);
  mkdirSync(join(work, 'seeds'));
  writeFileSync(join(work, 'seeds', SEED.ninhThuan), [...paragraphs.slice(0, middle), INSERTED, ...paragraphs.slice(middle)].join('\n\n'));
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'build.ts')], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, SEEDS_DIR: join(work, 'seeds'), CONTENT_GENERATED: join(work, 'content'), DIST_DIR: join(work, 'dist'), ASTRO_CACHE_DIR: join(work, 'cache') },
  });

  it('keeps the id of every paragraph of the published plan', () => {
    expect(result.status, result.stdout + result.stderr).toBe(0);
    const plans = JSON.parse(readFileSync(join(work, 'dist', 'data', 'plans.json'), 'utf8')) as { id: string }[];
    expect(plans).toHaveLength(1);
    const id = plans[0]!.id;
    const before = readPlanParagraphs(dist, id);
    const after = readPlanParagraphs(join(work, 'dist'), id);
    expect(after).toHaveLength(before.length + 1);
    const added = after.filter((p) => !before.some((b) => b.id === p.id));
    expect(added.map((p) => p.text)).toEqual([INSERTED]);
    const html = readFileSync(join(work, 'dist', 'van-ban', id, 'index.html'), 'utf8');
    for (const p of before) {
      expect(after.find((a) => a.id === p.id)?.text, p.id).toBe(p.text);
      expect(html, p.id).toContain(`id="${p.id}"`);
    }
  });
});
