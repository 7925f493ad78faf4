// Nothing is lost: every word of every seed appears on its plan page, in order.
// Reads the built site, built first when dist/ is missing or stale.
import { describe, expect, it } from 'vitest';
import { ensureSite } from './helpers/site.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeSeed } from '../scripts/pipeline/decode.ts';
import { firstMissing, pageText, sourceWords } from './helpers/words.ts';

const dist = await ensureSite();
const seeds = fileURLToPath(new URL('../seeds/', import.meta.url));

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
