// Reuse on real text: seeds 004 (Ninh Thuận 319-CTr/TU) and 000 (Phan Rang - Tháp Chàm,
// which implements it), the Đồng Tháp plans of ../shared/corpus (read in place, skipped
// when absent) and Resolution 57 from ../shared/reference (likewise).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSeeds } from '../../build/seeds.ts';
import { SEED, seedsDir } from '../../../tests/seeds.ts';
import { sharedCorpusDir, sharedReferenceDir } from '../../shared-folder.ts';
import { buildLibrary } from '../../build/library.ts';
import { readResolution } from '../../build/resolution.ts';
import type { Plan } from '../types.ts';
import { computeReuse } from './compare.ts';
import { reuseData, type PlanReuse, type ReuseData } from '../../contract/schemas/reuse.ts';
import { RESOLUTION_KEY } from './sources.ts';

const DONG_THAP = ['dong-thap-552-kh-ubnd.txt', 'dong-thap-597-kh-ubnd.txt', 'dong-thap-617-kh-ubnd.txt'];
const haveCorpus = DONG_THAP.every((f) => existsSync(join(sharedCorpusDir, f)));

let plans: Plan[];
let data: ReuseData;
beforeAll(() => {
  const corpus = haveCorpus ? DONG_THAP.map((f) => ({ file: f, bytes: new Uint8Array(readFileSync(join(sharedCorpusDir, f))), sidecar: null })) : [];
  plans = buildLibrary([...readSeeds(seedsDir), ...corpus]).plans;
  data = computeReuse({ plans, resolution: readResolution(sharedReferenceDir) });
});

const planOf = (file: string) => plans.find((p) => p.sourceFile === file)!;
const reuseOf = (plan: Plan): PlanReuse => data.plans.find((r) => r.plan === plan.id)!;
/** The block of a plan whose text starts with these words (the fixtures are found, not numbered). */
const blockStarting = (plan: Plan, start: string) => {
  const found = plan.blocks.filter((b) => b.text.replace(/\s+/g, ' ').startsWith(start));
  expect(found, start).toHaveLength(1);
  return found[0]!;
};
const paragraphOf = (plan: Plan, start: string) => reuseOf(plan).paragraphs.find((p) => p.block === blockStarting(plan, start).id)!;

describe('Phan Rang - Tháp Chàm (seed 000) against its parent Ninh Thuận 319-CTr/TU (seed 004)', () => {
  const child = () => planOf(SEED.phanRang);
  const parent = () => planOf(SEED.ninhThuan);

  it('finds the parent in the library', () => {
    expect(reuseOf(child()).parents).toEqual([parent().id]);
    expect(reuseOf(parent()).parents).toEqual([]);
  });

  it('identical paragraph: reused, score 1, pointing at the same paragraph of the parent', () => {
    const start = 'Thực hiện cơ chế hợp tác công tư để phát triển hạ tầng số hiện đại';
    const m = paragraphOf(child(), start).matches[parent().id]!;
    expect(m).toMatchObject({ class: 'reused', score: 1, block: blockStarting(parent(), start).id });
  });

  it('adapted with the locality changed ("tỉnh" → "thành phố"): adapted, normalized text identical', () => {
    const m = paragraphOf(child(), 'Thực hiện nghiêm, khẩn trương theo tiến độ những nhiệm vụ theo thẩm quyền của thành phố').matches[parent().id]!;
    expect(m.class).toBe('adapted');
    expect(m.block).toBe(blockStarting(parent(), 'Thực hiện nghiêm, khẩn trương theo tiến độ những nhiệm vụ theo thẩm quyền của tỉnh').id);
    expect(m.score).toBeGreaterThan(0.9);
  });

  it('adapted with a number changed (online public services "trên 80%" → "100%")', () => {
    const m = paragraphOf(child(), 'Tỷ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh nghiệp đạt 100%').matches[parent().id]!;
    expect(m.class).toBe('adapted');
    expect(parent().blocks.find((b) => b.id === m.block)!.text).toContain('Tỷ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh nghiệp đạt trên 80%');
  });

  it('new paragraph: its own', () => {
    const p = paragraphOf(child(), '1. Quán triệt đầy đủ, sâu sắc nội dung Chương trình hành động số 319-CTr/TU');
    expect(p.matches[parent().id]?.class ?? 'own').toBe('own');
  });

  it('shares: most of the city plan comes from the province, by words', () => {
    const s = reuseOf(child()).sources.find((x) => x.source === parent().id)!;
    expect(s.reused + s.adapted + s.own).toBeCloseTo(1, 2);
    expect(s.reused + s.adapted).toBeGreaterThan(0.6);
    expect(s.own).toBeGreaterThan(0.05);
  });
});

describe.skipIf(!haveCorpus)('Đồng Tháp plans (../shared/corpus) against one another', () => {
  const p552 = () => planOf('dong-thap-552-kh-ubnd.txt');
  const p617 = () => planOf('dong-thap-617-kh-ubnd.txt');

  it('the closing request, copied with a small edit from one plan to the other, is found in the other plans', () => {
    const m = paragraphOf(p552(), 'Trong quá trình thực hiện nếu có khó khăn, vướng mắc').other!;
    expect(m.source).toBe(p617().id);
    expect(m.class).not.toBe('own');
    expect(m.block).toBe(blockStarting(p617(), 'Trong quá trình thực hiện nếu có khó khăn, vướng mắc').id);
  });

  it('the appendix caption "(Ban hành kèm theo Kế hoạch số 552/KH-UBND …)" ↔ "(Kèm theo Kế hoạch số 617/KH-UBND …)": adapted, numbers and words changed', () => {
    const m = paragraphOf(p552(), '(Ban hành kèm theo Kế hoạch số 552/KH-UBND').other!;
    expect(m).toMatchObject({ source: p617().id, class: 'adapted', block: blockStarting(p617(), '(Kèm theo Kế hoạch số 617/KH-UBND').id });
  });

  it('a paragraph of the roadmap no other plan has is its own', () => {
    const p = reuseOf(p552()).paragraphs.filter((x) => x.words >= 20);
    const own = p.filter((x) => (x.other?.class ?? 'own') === 'own');
    expect(own.length).toBeGreaterThan(p.length / 2);
  });
});

describe('Resolution 57 (../shared/reference, read in place)', () => {
  it('is compared with every plan when available, and said to be missing otherwise', () => {
    expect(data.resolution.available).toBe(readResolution(sharedReferenceDir) !== null);
    for (const r of data.plans) expect(r.sources.some((s) => s.source === RESOLUTION_KEY)).toBe(data.resolution.available);
  });

  it.skipIf(readResolution(sharedReferenceDir) === null)('Ninh Thuận restates much of it; the resolution itself is not a plan that reuses', () => {
    const s = reuseOf(planOf(SEED.ninhThuan)).sources.find((x) => x.source === RESOLUTION_KEY)!;
    expect(s.reused + s.adapted).toBeGreaterThan(0.3);
    expect(data.plans.some((r) => plans.find((p) => p.id === r.plan)!.docId === '57-NQ/TW')).toBe(false);
  });

  it.skipIf(readResolution(sharedReferenceDir) === null)('publishes only the plan\'s own words: added spans are offsets into the plan paragraph', () => {
    for (const r of data.plans) {
      const plan = plans.find((p) => p.id === r.plan)!;
      for (const p of r.paragraphs) {
        const m = p.matches[RESOLUTION_KEY];
        const text = plan.blocks.find((b) => b.id === p.block)!.text;
        for (const s of m?.added ?? []) expect(s.end).toBeLessThanOrEqual(text.length);
      }
    }
  });
});

describe('the data', () => {
  it('matches its schema; every compared paragraph is accounted for; shares sum to 1', () => {
    expect(() => reuseData.parse(data)).not.toThrow();
    for (const r of data.plans) {
      expect(r.words).toBe(r.paragraphs.reduce((n, p) => n + p.words, 0));
      for (const s of [...r.sources, r.combined]) expect(s.reused + s.adapted + s.own).toBeCloseTo(1, 2);
    }
  });

  it('without the resolution and without plans to compare, every plan is its own', () => {
    const alone = computeReuse({ plans: [planOf(SEED.yetKieu)], resolution: null });
    expect(alone.resolution.available).toBe(false);
    expect(alone.plans[0]!.sources).toEqual([]);
    expect(alone.plans[0]!.paragraphs.every((p) => p.other === null)).toBe(true);
  });
});

describe('with a memo of earlier builds', () => {
  /** A memo in memory that counts the plans aligned afresh (results set). */
  const memoryMemo = () => {
    const entries = new Map<string, unknown>();
    const memo = {
      aligned: 0,
      get: <T>(key: string) => (entries.get(key) as T | undefined) ?? null,
      set: (key: string, value: unknown) => {
        if (key.startsWith('reuse-plan-')) memo.aligned++;
        entries.set(key, structuredClone(value));
      },
      tally: () => {},
      keep: () => {},
    };
    return memo;
  };
  const resolution = () => readResolution(sharedReferenceDir);
  /** The plans with one body paragraph of one plan reworded. */
  const edited = (file: string, words: string): Plan[] =>
    plans.map((p) => {
      if (p.sourceFile !== file) return p;
      const at = p.blocks.findIndex((b, i) => b.part === 'body' && i >= (p.leadIn ?? 0) && b.kind === 'paragraph');
      return { ...p, blocks: p.blocks.map((b, i) => (i === at ? { ...b, text: `${b.text} ${words}` } : b)) };
    });

  it('a rebuild after one plan changed equals a build without it, and aligns only the plans whose inputs changed', () => {
    const memo = memoryMemo();
    expect(computeReuse({ plans, resolution: resolution() }, memo)).toEqual(data);
    expect(memo.aligned).toBe(data.plans.length);
    // Nothing changed: nothing aligned.
    memo.aligned = 0;
    expect(computeReuse({ plans, resolution: resolution() }, memo)).toEqual(data);
    expect(memo.aligned).toBe(0);
    // One paragraph of one plan: that plan again, and the others only where what they read changed.
    for (const [file, words] of [[SEED.phanRang, 'Rà soát kết quả thực hiện hằng quý.'], [SEED.ninhThuan, 'Bổ sung nhiệm vụ chuyển đổi số trong các cơ quan.']] as const) {
      memo.aligned = 0;
      const changed = edited(file, words);
      expect(computeReuse({ plans: changed, resolution: resolution() }, memo)).toEqual(computeReuse({ plans: changed, resolution: resolution() }));
      expect(memo.aligned).toBeGreaterThan(0);
      expect(memo.aligned).toBeLessThan(plans.length);
    }
    // A plan removed, then the library as it was.
    memo.aligned = 0;
    const fewer = plans.filter((p) => p.sourceFile !== SEED.yetKieu);
    expect(computeReuse({ plans: fewer, resolution: resolution() }, memo)).toEqual(computeReuse({ plans: fewer, resolution: resolution() }));
    expect(computeReuse({ plans, resolution: resolution() }, memo)).toEqual(data);
  });
});
