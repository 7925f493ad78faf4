import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedCorpusDir as corpusDir, sharedCorpusFiles } from '../shared-folder.ts';
import { describe, expect, it } from 'vitest';
import { loadVocabulary } from './document-types.ts';
import { toParagraphs } from './normalize.ts';
import { parseBlocks } from './parse.ts';
import { fold } from './text.ts';

const vocabulary = loadVocabulary();
const blocksOf = (source: string) => parseBlocks(toParagraphs(source), vocabulary);
const cellTexts = (source: string) =>
  blocksOf(source)
    .filter((b) => b.kind === 'table')
    .map((b) => b.cells!.map((row) => row.map((c) => b.text.slice(c.start, c.end))));

// Read in place, never copied into the repository; a checkout without ../shared skips these.
const corpusFiles = sharedCorpusFiles();

describe('tables', () => {
  it('reads a Markdown pipe table into rows of cells', () => {
    const source = 'Các chỉ tiêu:\n\n| STT | Chỉ tiêu | Năm 2025 | Năm 2030 |\n|---|---|:---:|---:|\n| 1 | Tỷ lệ **phủ sóng 5G** | 60% | 100% |\n| 2 | Kinh tế số/GRDP | 12 | 30 |\n\nĐoạn sau bảng.';
    expect(cellTexts(source)).toEqual([
      [['STT', 'Chỉ tiêu', 'Năm 2025', 'Năm 2030'], ['1', 'Tỷ lệ phủ sóng 5G', '60%', '100%'], ['2', 'Kinh tế số/GRDP', '12', '30']],
    ]);
    const blocks = blocksOf(source);
    const table = blocks.find((b) => b.kind === 'table')!;
    expect(table.emphasis.map((e) => table.text.slice(e.start, e.end))).toEqual(['phủ sóng 5G']);
    expect(blocks.map((b) => b.text)).toContain('Đoạn sau bảng.');
    // A conversion that dropped the delimiter row: rows of the same width are still a table.
    expect(cellTexts('| Chỉ tiêu | Năm 2030 |\n| Tỷ lệ phủ sóng 5G | 100% |')).toEqual([[['Chỉ tiêu', 'Năm 2030'], ['Tỷ lệ phủ sóng 5G', '100%']]]);
    expect(cellTexts('| một dòng có gạch đứng |')).toEqual([]);
  });

  it('reads cells on their own lines between "|" lines, keeping a number alone on a line', () => {
    // The layout of a portal conversion: "|" between cells, "|" "|" between rows, more for empty cells.
    const source = [
      'Bảng chỉ tiêu:', '', '|', '**TT**', '|', '**Chỉ tiêu**', '|', '**Đơn vị**', '|', '**Kết quả**', '|', '|',
      '**I**', '|', '**Giai đoạn 2025-2027**', '|', '|', '|', '|',
      '1', '|', 'Tỉ lệ hồ sơ công việc được xử lý', 'trên môi trường điện tử.', '|', '%', '|', '58', '|', '',
      'Văn bản tiếp tục.',
    ].join('\n');
    expect(cellTexts(source)).toEqual([
      [
        ['TT', 'Chỉ tiêu', 'Đơn vị', 'Kết quả'],
        ['I', 'Giai đoạn 2025-2027', '', ''],
        ['1', 'Tỉ lệ hồ sơ công việc được xử lý trên môi trường điện tử.', '%', '58'],
      ],
    ]);
    const blocks = blocksOf(source);
    expect(blocks.find((b) => b.kind === 'table')!.headerRow).toBe(true);
    expect(blocks.at(-1)!.text).toBe('Văn bản tiếp tục.');
  });

  it('ends a table before the appendix title that follows the signature with no blank line', () => {
    const source = ['|', 'Nơi nhận:', '- Như trên;', '|', 'KT. CHỦ TỊCH', '|', '**PHỤ LỤC I**', 'DANH MỤC CHỈ TIÊU', '|', 'TT', '|', 'Chỉ tiêu', '|', '|', '1', '|', 'Tỷ lệ A', '|'].join('\n');
    // The signature's layout (recipients | signer) is not a table: the metadata reader reads its lines.
    expect(cellTexts(source)).toEqual([[['TT', 'Chỉ tiêu'], ['1', 'Tỷ lệ A']]]);
    expect(blocksOf(source).some((b) => b.kind !== 'table' && b.text.includes('KT. CHỦ TỊCH'))).toBe(true);
    const title = blocksOf(source).find((b) => b.text.startsWith('PHỤ LỤC I'));
    expect(title?.kind).not.toBe('table');
  });

  it.skipIf(corpusFiles.length === 0)('keeps every word and number of every corpus file, tables included', () => {
    let tables = 0;
    for (const file of corpusFiles) {
      const source = readFileSync(join(corpusDir, file), 'utf8');
      const blocks = blocksOf(source);
      // Words and numbers (Markdown markers, list dashes and the table's pipes are layout, not text).
      const words = (text: string) => text.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];
      const have = new Map<string, number>();
      for (const w of words(blocks.map((b) => b.text).join(' '))) have.set(w, (have.get(w) ?? 0) + 1);
      const missing: string[] = [];
      for (const w of words(source)) {
        const n = have.get(w) ?? 0;
        if (n === 0) missing.push(w);
        else have.set(w, n - 1);
      }
      expect(missing, file).toEqual([]);
      // The portal's tables arrive as tables, and no text is a bare "|" but in the header and
      // signature layouts, which keep their "|" lines for the metadata reader (tables.ts, isLayoutTable).
      tables += blocks.filter((b) => b.kind === 'table').length;
      const layout = (text: string) => /noi nhan|cong hoa xa hoi|so hieu|tm\.|kt\./.test(fold(text).replace(/\s+/g, ' '));
      expect(blocks.filter((b) => b.text.split('\n').includes('|') && !layout(b.text)).map((b) => b.text.slice(0, 60)), file).toEqual([]);
    }
    expect(tables).toBeGreaterThan(3);
  });
});
