import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { foreignRequests, gotoOk, gzipSize, launchBrowser, newPage, normalizeText, recordRequests, recordTransfer, runAxe } from './browser.ts';
import { startServer } from './server.ts';
import type { StaticServer } from './server.ts';
import { writeFixtureSite } from './fixture-site.ts';

let dir: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'browser-test-'));
  writeFixtureSite(dir);
  // A page with known accessibility faults and a third-party request, to prove the helpers see them.
  writeFileSync(
    join(dir, 'bad.html'),
    `<!doctype html><html><head><title>x</title><link rel="stylesheet" href="https://cdn.example.invalid/x.css"></head>
<body><img src="/favicon.svg"><a href="/"></a><p style="color:#ccc;background:#fff">Thực hiện Nghị quyết số 57-NQ/TW</p></body></html>`,
  );
  [server, browser] = await Promise.all([startServer(dir), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('browser helpers', () => {
  it('runs page scripts by default and not when JavaScript is off', async () => {
    for (const javaScript of [true, false]) {
      const { context, page } = await newPage(browser, { javaScript });
      await gotoOk(page, server.url('/'));
      const mark = await page.locator('html').getAttribute('data-js');
      expect(mark, `javaScript: ${javaScript}`).toBe(javaScript ? 'on' : null);
      await context.close();
    }
  });

  it('gotoOk rejects a page that answers 404', async () => {
    const { context, page } = await newPage(browser);
    await expect(gotoOk(page, server.url('/khong-co/'))).rejects.toThrow(/HTTP 404/);
    await context.close();
  });

  it('axe finds nothing on a clean page and names the faults of a bad one', async () => {
    const { context, page } = await newPage(browser);
    await gotoOk(page, server.url('/van-ban-dan-chieu/57-nq-tw/'));
    const clean = await runAxe(page);
    expect(clean.summary).toBe('');
    await page.route('https://cdn.example.invalid/**', (route) => route.abort());
    await gotoOk(page, server.url('/bad.html'));
    const bad = await runAxe(page);
    const ids = bad.violations.map((v) => v.id);
    expect(ids).toEqual(expect.arrayContaining(['html-has-lang', 'image-alt', 'link-name', 'color-contrast']));
    expect(bad.summary).toMatch(/image-alt: .*\n\s+img/);
    await context.close();
  });

  it('records requests, and flags those to another origin', async () => {
    const { context, page } = await newPage(browser);
    await page.route('https://cdn.example.invalid/**', (route) => route.abort());
    const urls = recordRequests(page);
    await gotoOk(page, server.url('/bad.html'));
    expect(foreignRequests(urls, server.origin)).toEqual(['https://cdn.example.invalid/x.css']);
    await context.close();
  });

  it('counts every response of a page once, with its gzip size', async () => {
    const { context, page } = await newPage(browser);
    const transfer = recordTransfer(page);
    await gotoOk(page, server.url('/'));
    await page.waitForLoadState('networkidle');
    const { entries, gzipBytes } = await transfer.done();
    // Chromium may also ask for /favicon.ico on its own; that is not the page's doing.
    const paths = entries.map((e) => new URL(e.url).pathname).filter((p) => p !== '/favicon.ico').sort();
    expect(paths).toEqual(['/', '/_astro/app.js', '/_astro/chunk.js', '/_astro/site.css']);
    const html = readFileSync(join(dir, 'index.html'));
    expect(entries.find((e) => new URL(e.url).pathname === '/')?.gzipBytes).toBe(gzipSize(html));
    expect(gzipBytes).toBe(entries.reduce((s, e) => s + e.gzipBytes, 0));
    await context.close();
  });

  it('normalizes NFD and runs of whitespace', () => {
    expect(normalizeText(' Nghi\u0323 quyê\u0301t \n\t 57 ')).toBe('Nghị quyết 57');
  });
});
