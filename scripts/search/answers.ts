// The direct-answer table (/tim-kiem/tra-cuu.json): a small precomputed list of
// what a query can name — indicators, localities, provinces, plans and cited
// documents by number or title, levels and document types — read by the search
// page before any full-text search, so answers are national from the start.
// Built at build time from the plans, cited documents and the indicator taxonomy.
import { gzipSync } from 'node:zlib';
import { isNational } from '../contract/levels.ts';
import { slugify } from '../pipeline/text.ts';
import { citedDocumentUrl, distinguishingProvince, localitySlug, localityOf, localityUrl, planUrl } from '../contract/addresses.ts';
import { shardKey, sortLocalities, shardOf, type AnswerCore, type AnswerShard, type AnswerTable, type BundleEntry, type LocalityEntry, type PageShard, type PlanCards } from '../contract/search/table.ts';
import { planFields, type PlanFacts } from './records.ts';
import { PROVINCES, provinceKey, CENTRAL, UNKNOWN_PROVINCE } from './provinces.ts';

export interface AnswerSources {
  plans: PlanFacts[];
  documents: { slug: string; number: string | null; title: string }[];
  indicators: { id: string; name: string; short: string; phrasings: string[] }[];
  bundles: Record<string, BundleEntry>;
}

/** The literal start of a phrasing pattern ("kinh tế số (đạt|chiếm)" → "kinh tế số"), or null. */
export function literalPart(pattern: string): string | null {
  const cut = pattern.split(/[()[\]{}|?*+.\\^$]/)[0]!.trim();
  return cut.length >= 2 ? cut : null;
}

export function planCards(plans: PlanFacts[]): PlanCards {
  return Object.fromEntries(plans.map((p) => {
    const m = p.metadata;
    // A central plan has no locality (as in the answer table).
    const local = !isNational(m.level.value);
    const place = local ? localityOf(p.metadata) : null;
    return [p.id, [planFields(p).meta.title!, m.date.value ?? '', place?.name ?? '', (local && m.level.value) || '', m.type.value ?? '', (place && distinguishingProvince(place)) ?? '']];
  }));
}

/** About this many bytes (gzip) a page shard of the answer table holds. */
export const SHARD_BYTES = 1024;
/** A name shard holds about SHARD_BYTES / this. */
export const NAME_SHARD_DIVISOR = 8;

/**
 * The answer table as served: the core; its localities and plan numbers in shards by the
 * first syllable of a name or number (a query loads the shards of its words); and the
 * province of each plan and locality page in page shards by path (about SHARD_BYTES each, name
 * shards NAME_SHARD_DIVISOR times less); a single shard of either kind is inlined in the core.
 */
export function splitAnswerTable(table: AnswerTable, shardBytes = SHARD_BYTES): { core: AnswerCore; shards: AnswerShard[]; pageShards: PageShard[] } {
  const { localities, plans, provinces, bundles, documents, ...rest } = table;
  const pages: PageShard = {};
  for (const [id, , li] of plans) if (localities[li]) pages[planUrl(id)] = localities[li].bundle;
  for (const l of localities) pages[localityUrl(l)] = l.bundle;
  const count = (data: unknown, bytes = shardBytes) => {
    const size = gzipSync(JSON.stringify(data)).length;
    return size <= shardBytes ? 1 : Math.round(size / bytes);
  };
  // A query loads a name shard per word, a search started from a page one page shard: name
  // shards (once there is more than one) are smaller (3,500 synthetic plans: the bench's queries load 0.04–4.5 KB of them
  // with 1/8 of SHARD_BYTES, 1–11.9 KB with SHARD_BYTES; the largest holds ~300 plans sharing one number).
  const n = count({ localities, plans }, shardBytes / NAME_SHARD_DIVISOR);
  const shards: AnswerShard[] = Array.from({ length: n }, () => ({ localities: [], plans: [] }));
  // Global locality index → index in each shard (a plan's locality is copied into the plan's shard).
  const local = shards.map(() => new Map<number, number>());
  const place = (s: number, li: number) => {
    if (li < 0) return li;
    let k = local[s]!.get(li);
    if (k === undefined) local[s]!.set(li, (k = shards[s]!.localities.push(localities[li]!) - 1));
    return k;
  };
  localities.forEach((l, li) => place(shardOf(shardKey(l.name), n), li));
  for (const [id, number, li, ti] of plans) {
    if (!number) continue;
    const s = shardOf(shardKey(number), n);
    shards[s]!.plans.push([id, number, place(s, li), ti]);
  }
  const m = count(pages);
  const pageShards: PageShard[] = Array.from({ length: m }, () => ({}));
  for (const [path, bundle] of Object.entries(pages)) pageShards[shardOf(path, m)]![path] = bundle;
  const core: AnswerCore = {
    ...rest,
    provinces: provinces.map((p) => p.names),
    bundles: Object.fromEntries(Object.entries(bundles).map(([key, { path: _, ...b }]) => [key, b])),
    documents: documents.map((d) => [d.number, d.title, d.slug]),
    shards: n,
    ...(n === 1 ? { shard: shards[0]! } : {}),
    pageShards: m,
    ...(m === 1 ? { pages: pageShards[0]! } : {}),
  };
  return { core, shards: n === 1 ? [] : shards, pageShards: m === 1 ? [] : pageShards };
}

export function buildAnswerTable(src: AnswerSources): AnswerTable {
  const localities: LocalityEntry[] = [];
  const localityIndex = new Map<string, number>();
  for (const p of src.plans) {
    const place = localityOf(p.metadata);
    if (!place || isNational(place.level)) continue;
    const slug = localitySlug(place);
    let i = localityIndex.get(slug);
    if (i === undefined) {
      i = localities.push({ name: place.name, level: place.level, province: distinguishingProvince(place), plans: 0, bundle: bundleOf(p) }) - 1;
      localityIndex.set(slug, i);
    }
    localities[i]!.plans++;
  }
  const present = <T,>(xs: (T | null)[]) => [...new Set(xs.filter((x): x is T => x !== null))];
  const types = present(src.plans.map((p) => p.metadata.type.value));
  const plans = src.plans.map((p): AnswerTable['plans'][number] => {
    const place = localityOf(p.metadata);
    const li = place ? localityIndex.get(localitySlug(place)) ?? -1 : -1;
    return [p.id, p.metadata.number.value ?? '', li, p.metadata.type.value ? types.indexOf(p.metadata.type.value) : -1];
  });
  return {
    bundles: src.bundles,
    provinces: PROVINCES.map((p) => ({ name: p.name, bundle: slugify(p.name), names: [p.name, ...p.former, ...(p.aliases ?? [])] })),
    ...sortLocalities(localities, plans),
    documents: src.documents.map((d) => ({ number: d.number, title: d.title, slug: d.slug, url: citedDocumentUrl(d.slug) })),
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
export function bundleOf(p: Pick<PlanFacts, 'metadata' | 'province'>): string {
  const province = p.province ?? p.metadata.provinceNow?.value;
  return province ? provinceKey(province, 'tỉnh') : provinceKey(p.metadata.locality.value, p.metadata.level.value);
}

export const BUNDLE_LABELS: Record<string, string> = { [CENTRAL]: 'Trung ương', [UNKNOWN_PROVINCE]: 'Chưa rõ tỉnh' };

