// Synthetic corpus for the scale benchmarks (search here, the whole build in issue
// 16's bench:scale): N plans made of real paragraphs — the seeds' and, when given,
// the development corpus's (../shared/corpus/, read in place, never copied) — each
// following one real plan's outline with about half its paragraphs swapped in from
// the others, issued across the 34 provinces at three levels (province, city,
// commune). Deterministic: the same sources, N and seed give the same plans.
import { isNational } from '../contract/levels.ts';
import type { Level } from '../pipeline/types.ts';
import type { IndexablePlan } from './records.ts';
import { mulberry32 } from '../pipeline/random.ts';
import { PROVINCES } from './provinces.ts';
import names from '../../content/search/synthetic-names.json' with { type: 'json' };

/** Within a province, plan k is the province's own (k = 0), a city's (every 8th) or a commune's. */
export function levelOf(k: number): Level {
  return k === 0 ? 'tỉnh' : k % 8 === 1 ? 'thành phố' : 'xã';
}

/** The k-th invented place name, all different: "Tân An", "Hòa An", … "Tân An 2". */
export function placeName(k: number): string {
  const { first, second } = names;
  const n = first.length * second.length;
  const base = `${first[k % first.length]!} ${second[Math.floor(k / first.length) % second.length]!}`;
  return k >= n ? `${base} ${Math.floor(k / n) + 1}` : base;
}

/**
 * N plans over the first `provinces` of the 34 (plan i is in province i mod that). Each plan gets
 * `province` (its bundle), a locality and level, a date, and blocks renumbered
 * d1…dN; a paragraph naming its source plan's locality names the new one.
 */
export function syntheticPlans(sources: IndexablePlan[], n: number, { seed = 57, provinces = PROVINCES.length } = {}): (IndexablePlan & { province: string })[] {
  const rnd = mulberry32(seed);
  const pick = <T,>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const outlines = sources.filter((p) => !isNational(p.metadata.level.value));
  const paragraphs = outlines.flatMap((p) => p.blocks.filter((b) => b.kind !== 'heading'));
  return Array.from({ length: n }, (_, i) => {
    const base = outlines[i % outlines.length]!;
    const province = PROVINCES[i % provinces]!.name;
    const k = Math.floor(i / provinces);
    const level = levelOf(k);
    const locality = level === 'tỉnh' ? province : placeName(i);
    const own = base.metadata.locality.value;
    const rename = (s: string) => (own ? s.split(own).join(locality) : s);
    const blocks = base.blocks.map((b, j) => {
      const src = b.kind === 'heading' || rnd() < 0.5 ? b : pick(paragraphs);
      return { ...src, id: `d${j + 1}`, text: rename(src.text), ...(src.original !== undefined ? { original: rename(src.original) } : {}) };
    });
    const m = base.metadata;
    return {
      ...base,
      id: `synthetic-${i + 1}`,
      province,
      displayTitle: base.displayTitle ? rename(base.displayTitle) : base.displayTitle,
      blocks,
      metadata: {
        ...m,
        locality: { value: locality, source: 'text' },
        level: { value: level, source: 'text' },
        date: { value: `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`, source: 'text' },
      },
    };
  });
}
