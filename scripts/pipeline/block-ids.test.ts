import { describe, expect, it } from 'vitest';
import { toParagraphs } from './normalize.ts';
import { parseBlocks } from './parse.ts';
import { loadVocabulary } from './document-types.ts';
import { decodeSeed } from './decode.ts';
import { contentId, contentKey, withContentIds } from './block-ids.ts';
import { seedBytes, seedFiles } from '../../tests/seeds.ts';

const vocabulary = loadVocabulary();
const blocksOf = (text: string) => parseBlocks(toParagraphs(text), vocabulary);

describe('content-derived paragraph ids', () => {
  for (const file of seedFiles()) {
    const source = decodeSeed(seedBytes(file), file).text;
    const paragraphs = source.split(/\n{2,}/);
    const middle = Math.floor(paragraphs.length / 2);

    it(`${file}: are unique and keep every paragraph's id when one is inserted above it`, () => {
      const before = blocksOf(source);
      expect(new Set(before.map((b) => b.id)).size).toBe(before.length);
      const inserted = [...paragraphs.slice(0, middle), 'Đoạn văn mới được chèn vào giữa văn bản.', ...paragraphs.slice(middle)].join('\n\n');
      const after = blocksOf(inserted);
      expect(after.length).toBe(before.length + 1);
      const at = after.findIndex((b, i) => b.text !== before[i]?.text);
      expect(after[at]!.text).toBe('Đoạn văn mới được chèn vào giữa văn bản.');
      expect(at).toBeGreaterThan(0);
      before.forEach((b, i) => expect(after[i < at ? i : i + 1]!.id, b.text.slice(0, 60)).toBe(b.id));
    });

    it(`${file}: keep the ids below a paragraph edited above them`, () => {
      const edited = paragraphs.map((p, i) => (i === middle ? `${p} Câu được thêm khi sửa văn bản.` : p)).join('\n\n');
      const before = blocksOf(source);
      const after = blocksOf(edited);
      expect(after.length).toBe(before.length);
      const changed = after.filter((b, i) => b.id !== before[i]!.id);
      expect(changed.length).toBe(1);
    });
  }

  it('ignore tone marks, case, spacing and the numbering label, not the words', () => {
    expect(contentKey('2. Phát triển  hạ tầng số', '2.')).toBe(contentKey('3. phat trien ha tang so', '3.'));
    expect(contentId(contentKey('Phát triển hạ tầng số', null))).not.toBe(contentId(contentKey('Phát triển hạ tầng', null)));
    expect(contentId('x')).toMatch(/^p[0-9a-z]{5}$/);
  });

  it('number repeated texts in reading order', () => {
    const blocks = withContentIds([{ id: '', text: 'Hai', label: null }, { id: '', text: 'Một', label: null }, { id: '', text: 'Hai', label: null }]);
    expect(blocks[2]!.id).toBe(`${blocks[0]!.id}-2`);
  });
});
