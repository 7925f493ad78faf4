// Browser helpers for tests against the built site: Debian Chromium through playwright-core,
// pages with JavaScript off, axe-core audits, request and transfer recording.
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import axe from 'axe-core';
import type { AxeResults, Result } from 'axe-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
}

export interface OpenOptions {
  /** Run page scripts (default true). false = what a reader with JavaScript off sees. */
  javaScript?: boolean;
  viewport?: { width: number; height: number };
}

/** A fresh context + page: each page gets clean storage and its own settings. */
export async function newPage(browser: Browser, options: OpenOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScript ?? true,
    viewport: options.viewport ?? { width: 1280, height: 720 },
    locale: 'vi-VN',
    // axe is injected as an inline script; a strict CSP on the site must not block the audit.
    bypassCSP: true,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.setDefaultNavigationTimeout(30_000);
  return { context, page };
}

/** Navigate and insist on a 2xx answer (a 404 page would otherwise pass silently). */
export async function gotoOk(page: Page, url: string): Promise<Response> {
  const response = await page.goto(url, { waitUntil: 'load' });
  if (!response) throw new Error(`no response for ${url}`);
  if (!response.ok()) throw new Error(`${url} answered HTTP ${response.status()}`);
  return response;
}

/** Every URL the page requests from now on (documents, styles, scripts, fetches, images...). */
export function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  return urls;
}

/** Distinct URLs that are neither on `origin` nor browser-internal (data:, blob:, about:). */
export function foreignRequests(urls: readonly string[], origin: string): string[] {
  return [...new Set(urls)].filter((u) => {
    const { protocol, origin: o } = new URL(u);
    if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return false;
    return o !== origin;
  });
}

export interface TransferEntry {
  url: string;
  status: number;
  contentType: string;
  bytes: number;
  gzipBytes: number;
}

/** Deterministic gzip size (level 6, what servers commonly use) of a body. */
export function gzipSize(body: Uint8Array | string): number {
  return gzipSync(body, { level: 6 }).length;
}

/**
 * Record every response the page receives; `done()` waits for their bodies and returns
 * per-response raw and gzip sizes (our test server does not compress, so gzip is computed here).
 */
export function recordTransfer(page: Page): { done(): Promise<{ entries: TransferEntry[]; bytes: number; gzipBytes: number }> } {
  const pending: Promise<TransferEntry | null>[] = [];
  page.on('response', (response) => {
    pending.push(
      response
        .body()
        .then((body) => ({
          url: response.url(),
          status: response.status(),
          contentType: response.headers()['content-type'] ?? '',
          bytes: body.length,
          gzipBytes: gzipSize(body),
        }))
        .catch(() => null), // redirects and aborted requests have no body
    );
  });
  return {
    async done() {
      const entries = (await Promise.all(pending)).filter((e): e is TransferEntry => e !== null);
      return {
        entries,
        bytes: entries.reduce((s, e) => s + e.bytes, 0),
        gzipBytes: entries.reduce((s, e) => s + e.gzipBytes, 0),
      };
    },
  };
}

export interface AxeReport {
  violations: Result[];
  /** One readable line per violation and up to 3 offending nodes each; '' when clean. */
  summary: string;
}

export function summarizeViolations(url: string, violations: readonly Result[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 3)
        .map((n) => `    ${n.target.join(' ')}: ${n.html.slice(0, 160)}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\n/g, ' ')}` : ''}`)
        .join('\n');
      const more = v.nodes.length > 3 ? `\n    … ${v.nodes.length - 3} more` : '';
      return `${url}: [${v.impact ?? 'n/a'}] ${v.id}: ${v.help} (${v.nodes.length} node(s)) ${v.helpUrl}\n${nodes}${more}`;
    })
    .join('\n');
}

/**
 * Run axe-core (all rules enabled by default: WCAG 2.x A/AA and best practices) on the
 * page as currently loaded. Needs a JavaScript-enabled context.
 */
export async function runAxe(page: Page): Promise<AxeReport> {
  await page.addScriptTag({ content: axe.source });
  const results = (await page.evaluate(async () => {
    const w = window as unknown as { axe: { run(ctx: Document, opts: object): Promise<unknown> } };
    return w.axe.run(document, { resultTypes: ['violations'] });
  })) as AxeResults;
  return { violations: results.violations, summary: summarizeViolations(page.url(), results.violations) };
}

/** Open `url` in a fresh JavaScript-enabled page, run axe-core on it, close it. */
export async function axeReportFor(browser: Browser, url: string): Promise<AxeReport> {
  const { context, page } = await newPage(browser, { javaScript: true });
  try {
    await gotoOk(page, url);
    return await runAxe(page);
  } finally {
    await context.close();
  }
}

/** Collapse whitespace and normalize to NFC, for comparing displayed text. */
export function normalizeText(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}
