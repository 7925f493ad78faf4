import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from './server.ts';
import type { StaticServer } from './server.ts';
import { writeFixtureSite } from './fixture-site.ts';

let dir: string;
let server: StaticServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'server-test-'));
  writeFixtureSite(dir);
  server = await startServer(dir);
});
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** A raw GET, so that the path reaches the server exactly as written (no URL normalization). */
function rawGet(path: string): Promise<{ status: number; type: string; body: string }> {
  const { hostname, port } = new URL(server.origin);
  return new Promise((done, fail) => {
    request({ hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => done({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body }));
    })
      .on('error', fail)
      .end();
  });
}

describe('static test server', () => {
  it('listens on loopback only, on a random port', () => {
    const url = new URL(server.origin);
    expect(url.hostname).toBe('127.0.0.1');
    expect(Number(url.port)).toBeGreaterThan(0);
  });

  it('serves a directory as its index.html, in UTF-8', async () => {
    const res = await fetch(server.url('/van-ban/yet-kieu-09-kh-du/'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html;\s*charset=utf-8/i);
    expect(await res.text()).toContain('Ban Thường vụ Đảng ủy xây dựng Kế hoạch hành động với các nội dung như sau');
  });

  it.each([
    ['/data/plans.json', /^application\/json/],
    ['/_astro/site.css', /^text\/css/],
    ['/_astro/app.js', /^text\/javascript/],
    ['/favicon.svg', /^image\/svg\+xml/],
    ['/pagefind/pagefind.wasm', /^application\/wasm$/],
    ['/pagefind/wasm.unknown.pagefind', /^application\/octet-stream$/],
    ['/pagefind/fragment/vi_1.pf_fragment', /^application\/octet-stream$/],
  ])('serves %s with the right content type', async (path, type) => {
    const res = await fetch(server.url(path));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(type);
  });

  it('answers 404 with the site 404 page for a missing path', async () => {
    const res = await fetch(server.url('/van-ban/khong-co/'));
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Không tìm thấy trang');
  });

  it('never serves files outside its folder', async () => {
    for (const path of ['/../package.json', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc/passwd']) {
      const res = await rawGet(path);
      expect(res.status, path).toBe(404);
      expect(res.body).not.toContain('root:');
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    const res = await fetch(server.url('/'), { method: 'POST', body: 'x' });
    expect(res.status).toBe(405);
  });
});
