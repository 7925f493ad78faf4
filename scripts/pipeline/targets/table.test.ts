import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedCorpusDir } from '../../shared-folder.ts';
import { describe, expect, it } from 'vitest';
import { loadVocabulary } from '../document-types.ts';
import { toParagraphs } from '../normalize.ts';
import { parseBlocks } from '../parse.ts';
import { extractTargets } from './extract.ts';

const plan = (source: string, date = '2025-11-20') => ({ id: 'x', locality: null, level: null, date, blocks: parseBlocks(toParagraphs(source), loadVocabulary()) });
const brief = (source: string) => extractTargets(plan(source)).map((t) => [t.indicator, t.year, t.comparator, t.value, t.unit, t.kind]);

// Read in place from ../shared/corpus (never copied into the repository); skipped without it.
const corpusFile = join(sharedCorpusDir, 'viet-nam-2629-qd-ttg.txt');

describe('targets in tables', () => {
  it('takes the year from the column header and the unit from the unit column ("STT | Chỉ tiêu | Năm 2025 | Năm 2030")', () => {
    const source = '| STT | Chỉ tiêu | Đơn vị tính | Năm 2025 | Năm 2030 |\n|---|---|---|---|---|\n| 1 | Tỷ lệ phủ sóng 5G | % | 60 | 100 |\n| 2 | Quy mô kinh tế số so với GRDP | % | ≥ 12 | 30 |\n| 3 | Số doanh nghiệp khởi nghiệp sáng tạo | doanh nghiệp | 15 | Tối thiểu 40 |';
    expect(brief(source)).toEqual([
      ['coverage-5g', 2025, '=', 60, '%', 'target'],
      ['coverage-5g', 2030, '=', 100, '%', 'target'],
      ['digital-economy-share', 2025, '>=', 12, '%', 'target'],
      ['digital-economy-share', 2030, '=', 30, '%', 'target'],
      ['startups', 2025, '=', 15, 'doanh nghiệp', 'target'],
      ['startups', 2030, '>=', 40, 'doanh nghiệp', 'target'],
    ]);
  });

  it('reads a column headed by the current state as baselines', () => {
    const source = '| TT | Chỉ tiêu | Hiện trạng năm 2024 | Mục tiêu năm 2030 |\n|---|---|---|---|\n| 1 | Tỷ lệ phủ sóng 5G | 35% | 100% |';
    expect(brief(source)).toEqual([
      ['coverage-5g', 2024, '=', 35, '%', 'baseline'],
      ['coverage-5g', 2030, '=', 100, '%', 'target'],
    ]);
  });

  it('finds no target in a task table, not even "trên 4 nền tảng" or a deadline', () => {
    const source = ['|', 'STT', '|', 'Nhiệm vụ', '|', 'Đơn vị chủ trì', '|', 'Thời gian', '|', '|', '1', '|', 'Tích hợp dữ liệu trên 4 nền tảng số dùng chung của tỉnh, bảo đảm 100% kết nối', '|', 'Sở KH&CN', '|', 'Tháng 12/2025', '|'].join('\n');
    expect(brief(source)).toEqual([]);
  });

  it.skipIf(!existsSync(corpusFile))('reads the appendix table of the Digital Government programme with the years of its section rows', () => {
    const document = plan(readFileSync(corpusFile, 'utf8'), '2025-12-01');
    const targets = extractTargets(document);
    const rows = targets.filter((t) => t.quote.startsWith('Tỉ lệ người dân, doanh nghiệp đánh giá hài lòng'));
    expect(rows.map((t) => [t.indicator, t.year, t.value, t.unit])).toEqual([
      ['online-service-satisfaction', 2027, 95, '%'],
      ['online-service-satisfaction', 2030, 99, '%'],
    ]);
    // The quote runs from the row's subject cell to its value cell, verbatim.
    expect(rows[0]!.quote).toBe('Tỉ lệ người dân, doanh nghiệp đánh giá hài lòng khi sử dụng dịch vụ công trực tuyến.\n%\n95%');
    // The task table of the same appendix ("TT | Nhiệm vụ, giải pháp | … | Thời gian thực hiện") gives none.
    const taskTable = document.blocks.find((b) => b.kind === 'table' && b.text.startsWith('TT\nNhiệm vụ, giải pháp'));
    expect(taskTable).toBeDefined();
    expect(targets.filter((t) => t.blockId === taskTable!.id)).toEqual([]);
  });
});
