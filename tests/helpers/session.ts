// One browser-test file's session: the built site served locally and one Chromium.
// Usage at the top of a tests/browser/*.test.ts file:
//   const dist = await ensureSite();          // builds once if dist/ is missing or stale
//   const site = useSite(dist);               // registers beforeAll/afterAll
//   it('...', async () => { const { page } = await newPage(site.browser); await gotoOk(page, site.url('/')); });
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { startServer } from './server.ts';
import type { StaticServer } from './server.ts';

export interface SiteSession {
  readonly browser: Browser;
  readonly origin: string;
  url(path: string): string;
}

export function useSite(dist: string): SiteSession {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(dist), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const need = <T>(v: T | undefined, what: string): T => {
    if (!v) throw new Error(`${what} is not started (useSite's beforeAll did not run or failed)`);
    return v;
  };
  return {
    get browser() {
      return need(browser, 'browser');
    },
    get origin() {
      return need(server, 'server').origin;
    },
    url: (path) => need(server, 'server').url(path),
  };
}
