// The targets stage on the library the real pipeline builds from seeds/ (the five plans),
// with the national facts of content/national/.
import { describe, expect, it } from 'vitest';
import { seedLibrary } from '../../../tests/seeds.ts';
import type { InlineLink, InlineMark } from '../plan-tree.ts';
import { clauseAnchor } from '../../contract/addresses.ts';
import { nationalPlanId, targetsSiteData } from './site-targets.ts';
import { loadNationalReferences } from '../national.ts';
import type { Memo } from '../memo.ts';
import type { Plan } from '../types.ts';

const library = seedLibrary();
const data = targetsSiteData(library.plans);
const planOf = (locality: string) => library.plans.find((p) => p.metadata.locality.value === locality)!;

describe('targetsSiteData on the seeds', () => {
  it('takes as national reference the facts of 57-NQ/TW (content/national/), which the plans implement', () => {
    expect(nationalPlanId(library.plans)).toBe('viet-nam-57-nq-tw');
    const national = data.targets.filter((t) => t.plan === data.nationalPlanId);
    expect(national.length).toBe(loadNationalReferences().find((r) => r.number === '57-NQ/TW')!.targets.length);
    expect(national.every((t) => t.level === 'trung ương' && t.url.startsWith('/van-ban/viet-nam-57-nq-tw/#t'))).toBe(true);
    expect(library.plans.some((p) => p.id === data.nationalPlanId)).toBe(false);
  });

  it('links every target phrase to its indicator page inside a mark over its clause, inside its block', () => {
    for (const plan of library.plans) {
      const inline = data.linksByPlan.get(plan.id) ?? [];
      const mine = data.targets.filter((t) => t.plan === plan.id);
      const links = inline.filter((l): l is InlineLink => 'href' in l);
      const marks = inline.filter((l): l is InlineMark => !('href' in l));
      expect(links.length).toBe(mine.length);
      expect(marks.map((m) => m.id).sort()).toEqual([...new Set(mine.map(clauseAnchor))].sort());
      for (const l of inline) {
        const block = plan.blocks.find((b) => b.id === l.blockId)!;
        expect(l.end <= block.text.length && l.start < l.end).toBe(true);
      }
      for (const l of links) expect(l.href).toMatch(/^\/chi-tieu\/[a-z0-9-]+\/$/);
      for (const t of mine) {
        const mark = marks.find((m) => m.id === clauseAnchor(t))!;
        expect(t.start >= mark.start && t.end <= mark.end, t.id).toBe(true);
      }
    }
  });

  it('finds that Đồng Tháp sets a lower digital-economy target than the national one', () => {
    const dt = planOf('Đồng Tháp');
    const f = data.findings.find((x) => x.kind === 'differs-from-national' && x.plan === dt.id && x.indicator === 'digital-economy-share');
    expect(f?.text).toMatch(/^Đồng Tháp đặt quy mô kinh tế số .* thấp hơn Nghị quyết 57-NQ\/TW/);
  });

  it('writes targets.json and findings.json with ids for the content collections', () => {
    const targets = JSON.parse(data.files.get('targets.json')!()) as { id: string }[];
    const findings = JSON.parse(data.files.get('findings.json')!()) as { id: string }[];
    expect(new Set(targets.map((t) => t.id)).size).toBe(targets.length);
    expect(new Set(findings.map((f) => f.id)).size).toBe(findings.length);
  });
});

describe("the key of the targets' files", () => {
  const files = (d: typeof data) => [...d.files].map(([path, make]) => [path, make()]);
  const withBlocks = (plan: Plan, blocks: Plan['blocks']) => library.plans.map((p) => (p === plan ? { ...p, blocks } : p));
  const [plan, target] = [planOf('Đồng Tháp'), data.targets.find((t) => t.plan === planOf('Đồng Tháp').id)!];

  it('is the same, with the same files, when a paragraph holding no target changes, and through the memo', () => {
    const held = new Set(data.targets.map((t) => t.blockId));
    const quiet = plan.blocks.findIndex((b) => b.part === 'body' && b.kind !== 'heading' && !held.has(b.id));
    const edited = targetsSiteData(withBlocks(plan, plan.blocks.map((b, i) => (i === quiet ? { ...b, text: `${b.text} Bổ sung nhiệm vụ rà soát hằng quý.` } : b))));
    expect(edited.filesKey).toBe(data.filesKey);
    expect(files(edited)).toEqual(files(data));
    const kept = new Map<string, unknown>();
    const memo: Memo = { get: <T>(key: string) => (kept.get(key) as T | undefined) ?? null, set: (key, value) => kept.set(key, structuredClone(value)) };
    expect(targetsSiteData(library.plans, undefined, undefined, memo).filesKey).toBe(data.filesKey);
    expect(kept.size).toBe(library.plans.length);
    expect(targetsSiteData(library.plans, undefined, undefined, memo).filesKey).toBe(data.filesKey);
  });

  it('changes when a target goes', () => {
    const without = targetsSiteData(withBlocks(plan, plan.blocks.filter((b) => b.id !== target.blockId)));
    expect(without.filesKey).not.toBe(data.filesKey);
    expect(files(without)).not.toEqual(files(data));
  });
});
