// The direct-answer table (/tim-kiem/tra-cuu.json): a small precomputed list of
// what a query can name — indicators, localities, provinces, plans and cited
// documents by number or title, levels and document types — read by the search
// page before any full-text search, so answers are national from the start.
// Built at build time from the plans, cited documents and the indicator taxonomy.
import { isNational } from '../contract/levels.ts';
import { slugify } from '../pipeline/text.ts';
import { citedDocumentUrl, localitySlug } from '../contract/addresses.ts';
import type { AnswerTable, BundleEntry, LocalityEntry, PlanCards } from './table.ts';
import type { Plan } from '../pipeline/types.ts';
import { planFields } from './records.ts';
import { PROVINCES, provinceKey, CENTRAL, UNKNOWN_PROVINCE } from './provinces.ts';

export interface AnswerSources {
  plans: (Plan & { displayTitle?: string; province?: string })[];
  documents: { slug: string; number: string | null; title: string }[];
  indicators: { id: string; name: string; short: string; phrasings: string[] }[];
  bundles: Record<string, BundleEntry>;
}

/** The literal start of a phrasing pattern ("kinh tế số (đạt|chiếm)" → "kinh tế số"), or null. */
export function literalPart(pattern: string): string | null {
  const cut = pattern.split(/[()[\]{}|?*+.\\^$]/)[0]!.trim();
  return cut.length >= 2 ? cut : null;
}

export function planCards(plans: (Plan & { displayTitle?: string })[]): PlanCards {
  return Object.fromEntries(plans.map((p) => [p.id, [planFields(p).meta.title!, p.metadata.date.value ?? '']]));
}

export function buildAnswerTable(src: AnswerSources): AnswerTable {
  const localities: LocalityEntry[] = [];
  const localityIndex = new Map<string, number>();
  for (const p of src.plans) {
    const name = p.metadata.locality.value;
    if (!name || isNational(p.metadata.level.value)) continue;
    const slug = localitySlug(name, p.metadata.level.value);
    let i = localityIndex.get(slug);
    if (i === undefined) {
      i = localities.push({ name, level: p.metadata.level.value, plans: 0, bundle: bundleOf(p) }) - 1;
      localityIndex.set(slug, i);
    }
    localities[i]!.plans++;
  }
  const present = <T,>(xs: (T | null)[]) => [...new Set(xs.filter((x): x is T => x !== null))];
  const types = present(src.plans.map((p) => p.metadata.type.value));
  return {
    bundles: src.bundles,
    provinces: PROVINCES.map((p) => ({ name: p.name, bundle: slugify(p.name), names: [p.name, ...p.former, ...(p.aliases ?? [])] })),
    localities,
    plans: src.plans.map((p) => {
      const name = p.metadata.locality.value;
      const li = name ? localityIndex.get(localitySlug(name, p.metadata.level.value)) ?? -1 : -1;
      return [p.id, p.metadata.number.value ?? '', li, p.metadata.type.value ? types.indexOf(p.metadata.type.value) : -1];
    }),
    documents: src.documents.map((d) => ({ number: d.number, title: d.title, url: citedDocumentUrl(d.slug) })),
    indicators: src.indicators.map((i) => ({
      name: i.name,
      short: i.short,
      id: i.id,
      // Phrasings that add words to the name and short name (the others would repeat them).
      keys: [...new Set(i.phrasings.map(literalPart).filter((k): k is string => k !== null && !i.name.toLowerCase().includes(k.toLowerCase()) && !i.short.toLowerCase().includes(k.toLowerCase())))],
    })),
    levels: present(src.plans.map((p) => p.metadata.level.value)),
    types,
  };
}

/** The bundle a plan is indexed in (one function: the build and the table agree): its province today, as the pipeline read it. */
export function bundleOf(p: Plan & { province?: string }): string {
  const province = p.province ?? p.metadata.provinceNow?.value;
  return province ? provinceKey(province, 'tỉnh') : provinceKey(p.metadata.locality.value, p.metadata.level.value);
}

export const BUNDLE_LABELS: Record<string, string> = { [CENTRAL]: 'Trung ương', [UNKNOWN_PROVINCE]: 'Chưa rõ tỉnh' };

