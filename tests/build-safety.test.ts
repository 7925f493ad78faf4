// The build against bad and hostile input: real builds into temporary folders.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SEED, seedsDir, seedText } from './seeds.ts';
import { sharedSeedsDir } from '../scripts/shared-folder.ts';
import { compactScript } from '../src/utils/inline-script.ts';
import type { Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';

// Each case runs a real Astro build: seconds each, more on a loaded machine.
vi.setConfig({ testTimeout: 180_000 });

const root = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'nq57-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function build(name: string, seeds: Record<string, string | Uint8Array>) {
  const dir = join(work, name);
  mkdirSync(join(dir, 'seeds'), { recursive: true });
  for (const [file, content] of Object.entries(seeds)) writeFileSync(join(dir, 'seeds', file), content);
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'build.ts')], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, SEEDS_DIR: join(dir, 'seeds'), CONTENT_GENERATED: join(dir, 'content'), DIST_DIR: join(dir, 'dist'), ASTRO_CACHE_DIR: join(dir, 'cache') },
  });
  return { dir, dist: join(dir, 'dist'), status: result.status, pid: result.pid, output: `${result.stdout}\n${result.stderr}` };
}

const descendants = (node: Nodes): Nodes[] => ('children' in node ? node.children.flatMap((c) => [c, ...descendants(c)]) : []);
const page = (dist: string, id: string) => readFileSync(join(dist, 'van-ban', id, 'index.html'), 'utf8');
// Plans published from seeds (/van-ban/ also holds the national references' pages, facts only).
const planIds = (dist: string) => (JSON.parse(readFileSync(join(dist, 'data', 'plans.json'), 'utf8')) as { id: string }[]).map((p) => p.id).sort();

describe('the seeds', () => {
  it('are byte-identical to ../shared/seeds (SHA256SUMS)', () => {
    const sums = join(sharedSeedsDir, 'SHA256SUMS');
    if (!existsSync(sums)) return; // a checkout without shared/ beside it has nothing to compare with
    const lines = readFileSync(sums, 'utf8').trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(5);
    for (const line of lines) {
      const [hash, file] = line.split(/\s+\*?/);
      const actual = createHash('sha256').update(readFileSync(join(seedsDir, file!))).digest('hex');
      expect(actual, file).toBe(hash);
    }
  });
});

describe('build with hostile text', () => {
  const hostile = readFileSync(join(root, 'tests', 'fixtures', 'hostile-plan.txt'), 'utf8');
  const result = build('hostile', { 'hostile.txt': hostile });

  it('builds and renders every dangerous construct as literal text', () => {
    expect(result.status, result.output).toBe(0);
    const [id] = planIds(result.dist);
    const html = page(result.dist, id!);
    // The article as a browser parses it: its elements are the page's own, the document's words its text.
    const article = fromHtml(html.slice(html.indexOf('<article'), html.indexOf('</article>') + '</article>'.length), { fragment: true });
    const elements = descendants(article).filter((n) => n.type === 'element');
    expect(elements.filter((e) => ['script', 'img', 'style', 'iframe'].includes(e.tagName)).map((e) => e.tagName)).toEqual([]);
    expect(elements.flatMap((e) => Object.keys(e.properties).filter((p) => /^on/i.test(p)))).toEqual([]);
    expect(descendants(article).filter((n) => n.type === 'comment')).toEqual([]);
    // Web addresses stay text (no autolinks); no link leaves the site or runs code.
    expect(elements.map((e) => e.properties.href).filter((href) => typeof href === 'string' && !href.startsWith('#') && !href.startsWith('/'))).toEqual([]);
    const text = toText(article);
    for (const line of [
      '<script>alert("xss")</script>',
      '{props.secret}',
      'import fs from "node:fs";',
      'export const stolen = process.env;',
      '`backtick`',
      '<!-- chú thích ẩn -->',
      '[bấm vào đây](javascript:alert(1)) và <img src=x onerror=alert(2)>',
      '# Không phải tiêu đề Markdown',
      '<div onclick="alert(3)">thẻ div</div> &amp; &lt;b&gt; }}{{ ${template} </p></article><script>alert(4)</script>',
      'https://example.vn/tin?a=1&b=2 và www.example.vn, thư a@example.vn',
      '_gạch_ ~~xóa~~ | cột | C:\\thư-mục "ngoặc" -- ...',
    ]) expect(text).toContain(line);
    // Outside attribute values (where "<" is inert), the page has exactly two scripts: the
    // JSON-LD and the site's own paragraph-link script, word for word.
    const markup = html.replace(/="[^"]*"/g, '=""');
    expect(markup.match(/<script/g)).toHaveLength(2);
    expect(markup).toContain('<script type="">');
    expect(html).toContain(`<script>${compactScript(readFileSync(join(root, 'src', 'client', 'paragraph-links.js'), 'utf8'))}</script>`);
  });
});

describe('successive builds', () => {
  it('keep the previous site beside until the next build, which removes it', () => {
    const seeds = { 'a.txt': seedText(SEED.yetKieu) };
    const previousSites = (dir: string) => readdirSync(dir).filter((f) => /^dist\.old-\d+$/.test(f));
    const first = build('successive', seeds);
    expect(first.status, first.output).toBe(0);
    expect(previousSites(first.dir)).toEqual([]);
    const second = build('successive', seeds);
    expect(second.status, second.output).toBe(0);
    const [kept] = previousSites(second.dir);
    expect(previousSites(second.dir)).toHaveLength(1);
    // The first build's site, whole, beside the second's.
    expect(page(join(second.dir, kept!), planIds(second.dist)[0]!)).toBe(page(second.dist, planIds(second.dist)[0]!));
    const third = build('successive', seeds);
    expect(third.status, third.output).toBe(0);
    expect(previousSites(third.dir)).toHaveLength(1);
    expect(previousSites(third.dir)).not.toContain(kept);
    // Nor does a build leave its temporary files (the steps' markers, results, inputs) behind.
    for (const { pid } of [first, second, third]) expect(readdirSync(tmpdir()).filter((f) => f.startsWith('nq57-') && new RegExp(`-${pid}(\\.json)?$`).test(f))).toEqual([]);
  });
});

describe('build with bad input', () => {
  const good = seedText(SEED.ninhThuan);

  it('stops on invalid UTF-8 naming the file and line, and leaves the previous site untouched', () => {
    const first = build('bad-utf8', { 'a.txt': good });
    expect(first.status, first.output).toBe(0);
    const before = page(first.dist, planIds(first.dist)[0]!);
    const bytes = new Uint8Array([...new TextEncoder().encode('KẾ HOẠCH\n\nDòng hai\n'), 0x54, 0xe0, 0x20, 0x0a]);
    writeFileSync(join(first.dir, 'seeds', 'b.txt'), bytes);
    const second = spawnSync(process.execPath, [join(root, 'scripts', 'build.ts')], {
      cwd: root, encoding: 'utf8',
      env: { ...process.env, SEEDS_DIR: join(first.dir, 'seeds'), CONTENT_GENERATED: join(first.dir, 'content'), DIST_DIR: first.dist, ASTRO_CACHE_DIR: join(first.dir, 'cache') },
    });
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(/b\.txt:4: not valid UTF-8 \(byte 0xe0 at offset 25\)/);
    expect(second.stderr).toMatch(/dist\/ left as it was/);
    expect(page(first.dist, planIds(first.dist)[0]!)).toBe(before);
    expect(readdirSync(first.dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('stops on a binary file, names it, and writes no site', () => {
    const result = build('binary', { 'a.txt': good, 'scan.txt': new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x0a, 0x00, 0x01, 0x02]) });
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/scan\.txt:2: looks like a binary file/);
    expect(existsSync(result.dist)).toBe(false);
  });

  it('skips an empty seed with a warning that names it', () => {
    const result = build('empty', { 'a.txt': good, 'empty.txt': '' });
    expect(result.status, result.output).toBe(0);
    expect(result.output).toMatch(/warning: empty\.txt: is empty: no text to publish — skipped/);
    expect(planIds(result.dist)).toHaveLength(1);
  });

  it('publishes the same plan once (UTF-16, NFD + CRLF and identical copies), naming both files', () => {
    const utf16 = new Uint8Array(2 + good.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < good.length; i++) { utf16[2 + 2 * i] = good.charCodeAt(i) & 0xff; utf16[3 + 2 * i] = good.charCodeAt(i) >> 8; }
    const result = build('duplicates', {
      'a.txt': good,
      'b-utf16.txt': utf16,
      'c-nfd-crlf.txt': good.normalize('NFD').replace(/\n/g, '\r\n'),
      'd-plan-without-headings.txt': 'Một văn bản không có tiêu đề mục nào.\n\nChỉ có hai đoạn văn, đạt 30% vào năm 2030.\n',
    });
    expect(result.status, result.output).toBe(0);
    expect(result.output).toMatch(/warning: b-utf16\.txt: the same plan as a\.txt \(same text\) — published once, from a\.txt/);
    expect(result.output).toMatch(/warning: c-nfd-crlf\.txt: the same plan as a\.txt \(same text\)/);
    expect(planIds(result.dist)).toEqual(['d-plan-without-headings', 'ninh-thuan-319-ctr-tu']);
    // Text only: target phrases are wrapped in links (issue 4).
    expect(page(result.dist, 'd-plan-without-headings').replace(/<[^>]+>/g, '')).toContain('Chỉ có hai đoạn văn, đạt 30% vào năm 2030.');
  });

  it('reports two different files with the same number and issuer', () => {
    const edited = good.replace('Chỉ số đổi mới sáng tạo cấp địa phương', 'Chỉ số đổi mới sáng tạo (PII) cấp địa phương');
    const result = build('same-number', { 'a.txt': good, 'b.txt': edited });
    expect(result.status, result.output).toBe(0);
    expect(result.output).toMatch(/b\.txt: the same plan as a\.txt \(same number 319-CTr\/TU and issuer\)/);
    expect(planIds(result.dist)).toEqual(['ninh-thuan-319-ctr-tu']);
  });
});
