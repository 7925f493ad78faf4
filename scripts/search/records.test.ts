import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Plan } from '../pipeline/types.ts';
import { escapeHtml, pageRecord, planFields, planHtml, sectionTitles } from './records.ts';
import { seedToPlan } from './seed-plans.ts';

const file = '001_9ab9814e00d8e62e.txt';
const plan: Plan = seedToPlan(file, readFileSync(`seeds/${file}`, 'utf8'));

describe('planHtml', () => {
  const html = planHtml(plan, { 'chi-tieu': ['Kinh tế số'] });

  it('puts one empty anchor per block, carrying the block id and its section title', () => {
    const anchors = [...html.matchAll(/<a id="([^"]+)" data-pagefind-title="([^"]*)"><\/a>/g)];
    expect(anchors.map((a) => a[1])).toEqual(plan.blocks.map((b) => b.id));
    const heading = plan.blocks.findIndex((b) => b.text === 'I- MỤC TIÊU, CHỈ TIÊU');
    expect(anchors[heading + 1]![2]).toBe(escapeHtml(plan.blocks[heading + 1]!.kind === 'heading' ? plan.blocks[heading + 1]!.text : 'I- MỤC TIÊU, CHỈ TIÊU'));
  });

  it('indexes the text as NFC, escaped', () => {
    const nfd = { ...plan, blocks: [{ ...plan.blocks[0]!, text: 'Đồng Tháp <b> & "x"'.normalize('NFD') }] };
    const one = planHtml(nfd);
    expect(one).toContain(`${escapeHtml('Đồng Tháp <b> & "x"')}</p>`);
    expect(one).not.toContain('<b>');
  });

  it('carries meta and filters as attributes (values may hold commas and colons)', () => {
    expect(html).toContain('<meta data-pagefind-filter="dia-phuong[content]" content="Đồng Tháp">');
    expect(html).toContain('<meta data-pagefind-filter="cap[content]" content="tỉnh">');
    expect(html).toContain('<meta data-pagefind-filter="chi-tieu[content]" content="Kinh tế số">');
    expect(html).toContain('<meta data-pagefind-meta="type[content]" content="Chương trình hành động">');
  });
});

describe('planFields', () => {
  it('builds the title from type, number and subject, skipping what is unknown', () => {
    const m = plan.metadata;
    const withNumber: Plan = {
      ...plan,
      metadata: { ...m, number: { value: '319-CTr/TU', source: 'text' }, title: { value: 'Thực hiện Nghị quyết số 57-NQ/TW', source: 'text' } },
    };
    expect(planFields(withNumber).meta.title).toBe('Chương trình hành động số 319-CTr/TU: Thực hiện Nghị quyết số 57-NQ/TW');
    expect(planFields(plan).meta.title).toBe('Chương trình hành động');
  });
});

describe('sectionTitles', () => {
  it('gives each block the heading above it, shortened at a word boundary', () => {
    const titles = sectionTitles(plan.blocks, 20);
    const i = plan.blocks.findIndex((b) => b.text === '1. Mục tiêu chung');
    expect(titles[i]).toBe('1. Mục tiêu chung');
    expect(titles[i + 1]).toBe('1. Mục tiêu chung');
    expect(titles.every((t) => t.length <= 20)).toBe(true);
  });
});

describe('pageRecord', () => {
  it('makes an NFC custom record in Vietnamese with de-duplicated NFC filter values', () => {
    const r = pageRecord({
      url: '/chi-tieu/kinh-te-so/',
      title: 'Quy mô kinh tế số'.normalize('NFD'),
      text: 'Quy mô kinh tế số đạt tối thiểu 30% GRDP.',
      kind: 'Chỉ tiêu',
      filters: { 'chi-tieu': ['Kinh tế số', 'Kinh tế số'.normalize('NFD')] },
    });
    expect(r).toEqual({
      url: '/chi-tieu/kinh-te-so/',
      content: 'Quy mô kinh tế số đạt tối thiểu 30% GRDP.',
      language: 'vi',
      meta: { title: 'Quy mô kinh tế số', kind: 'Chỉ tiêu' },
      filters: { 'chi-tieu': ['Kinh tế số'] },
    });
  });
});
