// A tiny hand-made built site (the shape of the real dist/) for testing the test helpers
// and the benchmark without running the real build. Paragraph text comes from real seeds,
// split on blank lines (a crude stand-in for the pipeline, good enough for a fixture).
// Run directly to write one: `npx node tests/helpers/fixture-site.ts /tmp/fixture-dist`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SEED, seedText } from '../seeds.ts';


export interface FixturePlan {
  id: string;
  seed: string;
  locality: string;
  localitySlug: string;
  paragraphs: { id: string; text: string }[];
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Blank-line separated chunks of a seed, without Markdown emphasis markers, NFC. */
export function seedParagraphs(seedFile: string): { id: string; text: string }[] {
  const raw = seedText(seedFile).normalize('NFC');
  return raw
    .split(/\n\s*\n/)
    .map((chunk) => chunk.replace(/\*+/g, '').replace(/\s+/g, ' ').trim())
    .filter((text) => text.length > 0)
    .map((text, i) => ({ id: `d${i + 1}`, text }));
}

const CSS = 'body{font:1rem/1.5 system-ui,sans-serif;max-width:42rem;margin:auto;padding:0 1rem}a{color:#0645ad}';
const JS_ENTRY = "import { mark } from './chunk.js';\nmark();\n";
const JS_CHUNK = "export function mark() { document.documentElement.dataset.js = 'on'; }\n";

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><link rel="stylesheet" href="/_astro/site.css">
<script type="module" src="/_astro/app.js"></script></head>
<body><header><a href="/">Nghị quyết 57 ở địa phương</a></header>
<main>${body}</main><footer><p>Dữ liệu mở: <a href="/data/plans.json">plans.json</a></p></footer></body></html>
`;
}

function planPage(plan: FixturePlan): string {
  const paragraphs = plan.paragraphs
    .map((p) => `<p id="${p.id}">${escapeHtml(p.text)} <a href="#${p.id}" aria-label="Liên kết đến đoạn ${p.id}">#</a></p>`)
    .join('\n');
  return page(
    plan.paragraphs[0]?.text ?? plan.id,
    `<h1>${escapeHtml(plan.locality)}</h1>
<p>Địa phương: <a href="/dia-phuong/${plan.localitySlug}/">${escapeHtml(plan.locality)}</a>.
Thực hiện <a href="/van-ban-dan-chieu/57-nq-tw/">Nghị quyết số 57-NQ/TW</a>.</p>
${paragraphs}`,
  );
}

export const FIXTURE_PLANS: ReadonlyArray<Omit<FixturePlan, 'paragraphs'>> = [
  { id: 'yet-kieu-09-kh-du', seed: SEED.yetKieu, locality: 'Xã Yết Kiêu', localitySlug: 'yet-kieu' },
  { id: 'phan-rang-thap-cham', seed: SEED.phanRang, locality: 'Thành phố Phan Rang - Tháp Chàm', localitySlug: 'phan-rang-thap-cham' },
];

/** Write the fixture site into `dir` (created if needed) and return its plans. */
export function writeFixtureSite(dir: string): FixturePlan[] {
  const plans = FIXTURE_PLANS.map((p) => ({ ...p, paragraphs: seedParagraphs(p.seed) }));
  const files: Record<string, string | Uint8Array> = {
    'index.html': page(
      'Nghị quyết 57 ở địa phương',
      `<h1>Nghị quyết 57 ở địa phương</h1><ul>${plans
        .map((p) => `<li><a href="/van-ban/${p.id}/">${escapeHtml(p.locality)}</a></li>`)
        .join('')}</ul>`,
    ),
    '404.html': page('Không tìm thấy trang', '<h1>Không tìm thấy trang</h1>'),
    '_astro/site.css': CSS,
    '_astro/app.js': JS_ENTRY,
    '_astro/chunk.js': JS_CHUNK,
    'van-ban-dan-chieu/57-nq-tw/index.html': page(
      'Nghị quyết số 57-NQ/TW',
      `<h1>Nghị quyết số 57-NQ/TW</h1><ul>${plans
        .map((p) => `<li><a href="/van-ban/${p.id}/#d1">${escapeHtml(p.locality)}</a></li>`)
        .join('')}</ul>`,
    ),
    'data/plans.json': JSON.stringify(plans.map((p) => ({ id: p.id, url: `/van-ban/${p.id}/`, sourceFile: p.seed }))),
    // Pagefind-like binaries, to check the server's content types.
    'pagefind/wasm.unknown.pagefind': new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]),
    'pagefind/fragment/vi_1.pf_fragment': new Uint8Array([31, 139, 8, 0]),
    'pagefind/pagefind.wasm': new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]),
    'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>',
  };
  for (const p of plans) {
    files[`van-ban/${p.id}/index.html`] = planPage(p);
    files[`data/plans/${p.id}.json`] = JSON.stringify({ id: p.id, paragraphs: p.paragraphs });
    files[`dia-phuong/${p.localitySlug}/index.html`] = page(
      p.locality,
      `<h1>${escapeHtml(p.locality)}</h1><p><a href="/van-ban/${p.id}/">Văn bản</a></p>`,
    );
  }
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return plans;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: fixture-site.ts <folder>');
  writeFixtureSite(dir);
  console.log(`fixture site written to ${dir}`);
}
