// `npm run bench:phone [-- --dist <folder>]`: every HTML page of the built site in Chromium
// at 320, 360 and 390 px wide, JavaScript off: page width (sideways scroll when wider than the
// screen) and the smallest chart text as rendered. A report; it builds nothing.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser, newPage } from '../tests/helpers/browser.ts';
import { startServer } from '../tests/helpers/server.ts';
import { htmlPages } from './bench/built-site.ts';
import { measurePhone, PHONE_WIDTHS } from './bench/phone.ts';

const { values } = parseArgs({ options: { dist: { type: 'string', default: 'dist' } } });
const dist = resolve(values.dist);
if (!existsSync(join(dist, 'index.html'))) {
  console.error(`${dist}/index.html không có: hãy chạy \`npm run build\` trước.`);
  process.exit(1);
}

const [server, browser] = await Promise.all([startServer(dist), launchBrowser()]);
try {
  const { context, page } = await newPage(browser, { javaScript: false, viewport: { width: PHONE_WIDTHS[0], height: 800 } });
  const rows: string[] = [];
  let tooWide = 0;
  let smallest: number | null = null;
  const pages = htmlPages(dist).filter((p) => !p.startsWith('/pagefind/'));
  for (const path of pages) {
    const cells: string[] = [];
    for (const width of PHONE_WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(server.url(path), { waitUntil: 'load' });
      const m = await measurePhone(page);
      if (m.scrollWidth > m.width) tooWide++;
      if (width === 360 && m.chartTextPx !== null) smallest = smallest === null ? m.chartTextPx : Math.min(smallest, m.chartTextPx);
      cells.push(`${m.scrollWidth}${m.scrollWidth > m.width ? `*${m.widest ? ` (${m.widest})` : ''}` : ''}`);
      if (width === 360 && m.chartTextPx !== null) cells.push(`chữ biểu đồ ${m.chartTextPx.toFixed(1)} px`);
    }
    rows.push(`${path.padEnd(50)} ${cells.join('  ')}`);
  }
  await context.close();
  console.log(`Bề rộng trang (px) ở ${PHONE_WIDTHS.join(' / ')} px; * = cuộn ngang\n`);
  console.log(rows.join('\n'));
  console.log(`\n${pages.length} trang × ${PHONE_WIDTHS.length} bề rộng: ${tooWide} lần rộng hơn màn hình.`);
  console.log(`Chữ nhỏ nhất trong biểu đồ ở 360 px: ${smallest === null ? 'không có biểu đồ' : `${smallest.toFixed(1)} px`}.`);
} finally {
  await browser.close();
  await server.stop();
}
