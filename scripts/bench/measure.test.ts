import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { BUDGET, gzipSize, jsImports, measurePage, measureSite, pageAssets, planText, readBuildMs } from './measure.ts';
import { formatReport } from './report.ts';
import { writeFixtureSite } from '../../tests/helpers/fixture-site.ts';
import type { FixturePlan } from '../../tests/helpers/fixture-site.ts';

let dist: string;
let plans: FixturePlan[];
beforeAll(() => {
  dist = mkdtempSync(join(tmpdir(), 'bench-test-'));
  plans = writeFixtureSite(dist);
});
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const gz = (path: string) => gzipSize(readFileSync(join(dist, path)));

describe('pageAssets', () => {
  it('finds stylesheets, scripts and module preloads, resolved against the page', () => {
    const html = `<!doctype html><html lang="vi"><head>
      <link rel="stylesheet" href="../../_astro/van-ban.css"><link rel="icon" href="/favicon.svg">
      <link rel="modulepreload" href="/_astro/chunk.js"><link rel="preload" as="style" href="/print.css">
      <script type="application/ld+json">{"@type":"Legislation"}</script>
      <script type="module" src="/_astro/app.js"></script></head><body><p>Thực hiện Nghị quyết số 57-NQ/TW</p></body></html>`;
    expect(pageAssets(html, '/van-ban/yet-kieu/').map((a) => `${a.kind} ${new URL(a.url).pathname}`)).toEqual([
      'css /_astro/van-ban.css',
      'js /_astro/chunk.js',
      'css /print.css',
      'js /_astro/app.js',
    ]);
  });
});

describe('jsImports', () => {
  it('follows static imports of minified modules, not dynamic or bare ones', () => {
    const js = 'import{a as s}from"./chunk.B2x.js";import"../shared.js";export*from"/_astro/re.js";import d from"d3";const m=()=>import("./lazy.js");';
    expect(jsImports(js, 'http://site.invalid/_astro/app.js').map((u) => new URL(u).pathname)).toEqual([
      '/_astro/chunk.B2x.js',
      '/shared.js',
      '/_astro/re.js',
    ]);
  });
});

describe('measurePage', () => {
  it('adds HTML, CSS and JS (through imports), each file once', () => {
    const html = readFileSync(join(dist, 'index.html'), 'utf8').replace('</head>', '<link rel="modulepreload" href="/_astro/chunk.js"></head>');
    const m = measurePage(dist, '/', html);
    expect(m.assets.sort()).toEqual(['/_astro/app.js', '/_astro/chunk.js', '/_astro/site.css']);
    expect(m.cssGzip).toBe(gz('_astro/site.css'));
    expect(m.jsGzip).toBe(gz('_astro/app.js') + gz('_astro/chunk.js'));
    expect(m.totalGzip).toBe(gzipSize(html) + m.cssGzip + m.jsGzip);
    expect(m.unresolved).toEqual([]);
  });

  it('reports, and does not count, files of other origins or missing files', () => {
    const html = '<html lang="vi"><head><link rel="stylesheet" href="https://fonts.example.invalid/a.css"><script src="/_astro/gone.js"></script></head></html>';
    const m = measurePage(dist, '/', html);
    expect(m.unresolved).toEqual(['https://fonts.example.invalid/a.css', '/_astro/gone.js']);
    expect(m.totalGzip).toBe(gzipSize(html));
  });
});

describe('planText', () => {
  // A real line of the Rạch Giá scan (002) and its reading with diacritics restored by hand.
  const scanned = 'Thuc hién Nghi quyét sé 82-NQ/TU, ngay 27/02/2025 cta Ban Chap hanh';
  const restored = 'Thực hiện Nghị quyết số 82-NQ/TU, ngày 27/02/2025 của Ban Chấp hành';
  const paragraphs = [
    { id: 'd1', text: 'KẾ HOẠCH' },
    { id: 'd2', text: restored, original: scanned },
  ];

  it('joins paragraph texts with newlines', () => {
    expect(planText([paragraphs[0]!, { id: 'd2', text: restored }], '<p>KẾ HOẠCH</p>')).toEqual({
      text: `KẾ HOẠCH\n${restored}`,
      includesOriginal: false,
    });
  });

  it('counts the scanned original only when the page shows it', () => {
    const hidden = planText(paragraphs, `<p>${restored}</p>`);
    expect(hidden).toEqual({ text: `KẾ HOẠCH\n${restored}`, includesOriginal: false });
    const shown = planText(paragraphs, `<p>${restored}</p><details><summary>Bản quét</summary><p>${scanned}</p></details>`);
    expect(shown).toEqual({ text: `KẾ HOẠCH\n${restored}\n${scanned}`, includesOriginal: true });
  });
});

describe('measureSite', () => {
  it('measures every page, and each plan of data/plans.json against its own text', () => {
    const report = measureSite(dist);
    expect(report.pages.map((p) => p.path)).toContain('/van-ban-dan-chieu/57-nq-tw/');
    expect(report.plans.map((p) => p.planId)).toEqual(plans.map((p) => p.id));
    for (const plan of report.plans) {
      const text = plans.find((p) => p.id === plan.planId)!.paragraphs.map((p) => p.text).join('\n');
      expect(plan.textGzip).toBe(gzipSize(text));
      expect(plan.ratio).toBeCloseTo(plan.totalGzip / plan.textGzip, 10);
      expect(plan.withinBytes).toBe(plan.totalGzip <= BUDGET.planPageBytes);
    }
    expect(report.buildMs).toBeNull();
  });

  it('reads the build time from build-info.json when the build wrote it', () => {
    const other = mkdtempSync(join(tmpdir(), 'bench-info-'));
    writeFileSync(join(other, 'build-info.json'), JSON.stringify({ durationMs: 81234 }));
    expect(readBuildMs(other)).toBe(81234);
    rmSync(other, { recursive: true, force: true });
  });

  it('prints vi-VN figures and a failing verdict for an oversized plan page', () => {
    const report = measureSite(dist);
    const fat = { ...report, plans: report.plans.map((p) => ({ ...p, totalGzip: 40_000, withinBytes: false })), pass: { bytes: false, ratio: true } };
    const text = formatReport(fat);
    expect(text).toContain('Trang văn bản ≤ 35,0 KB: KHÔNG ĐẠT (0/2, lớn nhất 39,1 KB');
    expect(text).toMatch(/≤ 1,50× văn bản: ĐẠT/);
  });
});

describe('npm run bench', () => {
  const run = (dir: string, ...args: string[]) =>
    spawnSync(process.execPath, ['scripts/bench.ts', '--dist', dir, ...args], { encoding: 'utf8' });

  it('reports without failing, writes bench.json, and fails with --strict only when over budget', () => {
    const ok = run(dist, '--strict');
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dist, 'bench.json'), 'utf8')).plans).toHaveLength(plans.length);

    const over = mkdtempSync(join(tmpdir(), 'bench-over-'));
    cpSync(dist, over, { recursive: true });
    // Incompressible bytes inline in one plan page push it over 35 KB gzip.
    appendFileSync(join(over, 'van-ban', plans[0]!.id, 'index.html'), `<!-- ${randomBytes(40_000).toString('base64')} -->`);
    expect(run(over).status).toBe(0);
    const strict = run(over, '--strict');
    expect(strict.status).toBe(2);
    expect(strict.stdout).toContain('KHÔNG ĐẠT');
    rmSync(over, { recursive: true, force: true });
  });
});
