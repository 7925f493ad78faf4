// Nothing is lost: every word of every seed appears on its plan page, in order.
// Reads the built site, built first when dist/ is missing or stale.
import { describe, expect, it } from 'vitest';
import { ensureSite } from './helpers/site.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeSeed } from '../scripts/pipeline/decode.ts';

const dist = await ensureSite();
const seeds = fileURLToPath(new URL('../seeds/', import.meta.url));

/** The visible text of an HTML page (tags removed, entities decoded, spaces collapsed). */
export function pageText(html: string): string {
  return html
    .replace(/<head>[\s\S]*?<\/head>/, ' ')
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<a id="[^"]+" href="#[^"]+">¶<\/a>/g, ' ')
    // Inline tags sit inside words ("(<em>viết tắt</em>)"); block tags separate them.
    .replace(/<\/?(?:em|strong|span|a)\b[^>]*>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
    .normalize('NFC')
    .replace(/\s+/g, ' ');
}

/** Words of a source: whitespace-separated tokens with a letter in them, without Markdown markers. */
export function sourceWords(text: string): string[] {
  return text
    .normalize('NFC')
    .replace(/\\([\\`*_{}[\]()#+\-.!&<>|~])/g, '$1')
    .split(/\s+/)
    .map((w) => w.replace(/\*/g, ''))
    .filter((w) => /\p{L}/u.test(w));
}

/** The first word of `words` not found in `text` after the previous one, or null when all are there in order. */
export function firstMissing(words: string[], text: string): { word: string; index: number } | null {
  let at = 0;
  for (let i = 0; i < words.length; i++) {
    const found = text.indexOf(words[i]!, at);
    if (found < 0) return { word: words[i]!, index: i };
    at = found + words[i]!.length;
  }
  return null;
}

const plans = JSON.parse(readFileSync(join(dist, 'data', 'plans.json'), 'utf8')) as { id: string; sourceFile: string }[];

describe('every word of every seed is on its page', () => {
  it('has a page for every seed file', () => {
    expect(plans.length).toBeGreaterThanOrEqual(5);
  });

  for (const plan of plans) {
    it(`${plan.sourceFile} → /van-ban/${plan.id}/`, () => {
      const source = decodeSeed(new Uint8Array(readFileSync(join(seeds, plan.sourceFile))), plan.sourceFile).text;
      const words = sourceWords(source);
      const text = pageText(readFileSync(join(dist, 'van-ban', plan.id, 'index.html'), 'utf8'));
      expect(words.length).toBeGreaterThan(500);
      expect(firstMissing(words, text)).toBeNull();
    });
  }

  it('would notice a dropped word', () => {
    expect(firstMissing(['Đồng', 'Tháp', 'phát'], 'đưa Đồng Tháp phát triển')).toBeNull();
    expect(firstMissing(['Đồng', 'Tháp', 'nhanh'], 'đưa Đồng Tháp phát triển')).toEqual({ word: 'nhanh', index: 2 });
    expect(firstMissing(['Tháp', 'Đồng'], 'Đồng Tháp')).toEqual({ word: 'Đồng', index: 1 });
  });
});
