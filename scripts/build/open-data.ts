// The open data (dist/data/): the targets' files are made by the pure functions of
// scripts/pipeline/targets/opendata.ts from the targets as published (reading order); the reuse data as its
// schema orders it. All are written by the build's pipeline process beside the pages, so no page re-runs
// pipeline code (or re-serializes 110 MB of reuse data at 3,500 plans) to serve them.
// openDataMakers and openDataFiles are pure (paths under dist/ and their contents); writeOpenData writes them
// with the plans' open data (plan-open-data.ts) and the reuse data, through the store of earlier builds' files.
import { indicatorCsvUrl, localityPageOf, localitySlug, openDataUrl } from '../contract/addresses.ts';
import { indicatorsJsonSchema, reuseJsonSchema, targetsJsonSchema } from '../contract/json-schemas.ts';
import {
  CSV_STANDARD,
  CSV_VIETNAMESE,
  datapackage,
  indicatorsJson,
  recordsCsv,
  recordsJson,
  targetRecords,
  targetsTableSchema,
} from '../pipeline/targets/opendata.ts';
import type { TargetRecord } from '../contract/schemas/targets.ts';
import { planReuse, reuseData, type ReuseData } from '../contract/schemas/reuse.ts';
import { reuseResultKey } from '../pipeline/reuse/compare.ts';
import type { Target, Taxonomy } from '../pipeline/targets/types.ts';
import type { SitePlan } from '../contract/schemas/document.ts';
import { join } from 'node:path';
import type { FileStore } from './file-store.ts';
import { digest, type Memo } from '../pipeline/memo.ts';
import { planOpenDataMakers } from './plan-open-data.ts';

const schemaFile = (schema: object) => `${JSON.stringify(schema, null, 2)}\n`;
// "/data/targets.csv" → "data/targets.csv": a path under dist/.
const inDist = (url: string) => url.slice(1);

/** Where each plan was issued, as its locality page's slug (namesakes of two provinces are two). */
type PlanLocalities = Iterable<{ id: string; metadata: Parameters<typeof localityPageOf>[0] }>;

/**
 * Each open data file of the targets (its path under dist/) and how to make it; the records are made once, when a
 * file first needs them. `plans` say where each was issued (the localities counted in indicators.json).
 */
export function openDataMakers(targets: Target[], taxonomy: Taxonomy, site: string, plans: PlanLocalities): Map<string, () => string> {
  let records: TargetRecord[] | undefined;
  let byIndicator: Map<string, TargetRecord[]> | undefined;
  const all = () => (records ??= targetRecords(targets, taxonomy, site));
  const of = (indicator: string) => (byIndicator ??= Map.groupBy(all(), (r) => r.indicator)).get(indicator) ?? [];
  const localities = new Map([...plans].map((p) => [p.id, localityPageOf(p.metadata)]));
  // A national reference's facts name no plan of the library: their own locality ("Việt Nam") names them.
  const localityOf = (t: Target) => (localities.has(t.plan) ? localities.get(t.plan)! : t.locality && localitySlug({ name: t.locality, level: t.level, province: null }));
  const whole: [string, () => string][] = [
    ['targets.json', () => recordsJson(all())],
    ['targets.csv', () => recordsCsv(all())],
    ['targets.vi.csv', () => recordsCsv(all(), CSV_VIETNAMESE)],
    ['indicators.json', () => indicatorsJson(taxonomy, targets, localityOf)],
    ['datapackage.json', () => datapackage()],
    ['targets.schema.json', () => schemaFile(targetsJsonSchema())],
    ['targets.csv.schema.json', () => schemaFile(targetsTableSchema())],
    ['indicators.schema.json', () => schemaFile(indicatorsJsonSchema())],
    ['reuse.schema.json', () => schemaFile(reuseJsonSchema())],
  ];
  const makers = new Map(whole.map(([name, make]) => [inDist(openDataUrl(name)), make]));
  for (const i of taxonomy.indicators) {
    for (const dialect of [CSV_STANDARD, CSV_VIETNAMESE]) makers.set(inDist(indicatorCsvUrl(i.id, dialect.decimalComma)), () => recordsCsv(of(i.id), dialect));
  }
  return makers;
}

/** `site` is the canonical origin the pages link to ("https://…/"): every `url` in the data carries it. */
export function openDataFiles(targets: Target[], taxonomy: Taxonomy, site: string, plans: PlanLocalities): Map<string, string> {
  return new Map([...openDataMakers(targets, taxonomy, site, plans)].map(([path, make]) => [path, make()]));
}

/**
 * /data/reuse.json: the reuse data as its schema orders it, a plan a line (70 MB at 3,500 plans). `memo`: each
 * plan's line kept under its result's key (reuseResultKey) and the schema's, so a rebuild orders and serializes
 * only the plans whose reuse changed.
 */
export function reuseOpenData(data: ReuseData, memo?: Memo): string {
  const head = JSON.stringify(reuseData.parse({ ...data, plans: [] }));
  if (!head.endsWith('"plans":[]}')) throw new Error('reuse.json: the schema no longer ends with the plans');
  const schema = memo && reuseSchemaKey();
  const lines = data.plans.map((plan) => {
    const result = reuseResultKey(plan);
    const key = schema && result && digest(schema, result);
    const kept = key ? memo!.get<string>(key) : null;
    if (kept !== null) return kept;
    const line = JSON.stringify(planReuse.parse(plan));
    if (key) memo!.set(key, line);
    return line;
  });
  // The plans are the schema's last field: `{…,"plans":[]}` opened where the array starts.
  return `${head.slice(0, -'[]}'.length)}[\n${lines.join(',\n')}\n]}\n`;
}

/** A digest of reuse.json's schema: what orders and names a line's fields. */
const reuseSchemaKey = () => digest(JSON.stringify(reuseJsonSchema()));

/** A key of reuse.json made of its plans' result keys (reuseResultKey), the schema and the rest of the data; null when a plan has none (computed without a memo). */
function reuseFileKey(data: ReuseData): string | null {
  const keys = data.plans.map(reuseResultKey);
  if (keys.some((key) => key === undefined)) return null;
  return digest('open-data-reuse', reuseSchemaKey(), JSON.stringify({ ...data, plans: [] }), ...(keys as string[]));
}

/**
 * Writes the open data into `distDir` through the store: the targets' files are keyed by `targetsKey` (a digest
 * of what targets.json and indicators.json are made from) and the plans' localities, each plan's file by the
 * plan, the reuse data by its plans' results; a file whose key an earlier build stored is linked, not made again.
 */
export function writeOpenData(
  store: FileStore,
  distDir: string,
  data: { targets: Target[]; taxonomy: Taxonomy; targetsKey: string; plans: readonly SitePlan[]; site: string; reuse: ReuseData },
  reuseMemo?: Memo,
): void {
  const localitiesKey = digest('localities', JSON.stringify(data.plans.map((p) => [p.id, localityPageOf(p.metadata)])));
  for (const [path, make] of openDataMakers(data.targets, data.taxonomy, data.site, data.plans)) {
    store.place(join(distDir, path), digest('open-data', data.targetsKey, localitiesKey, data.site, path), make);
  }
  for (const file of planOpenDataMakers(data.plans, data.site)) store.place(join(distDir, file.path), file.key, file.make);
  // reuse.json keyed by what its lines are made from (not hashed whole, 70 MB), else by its bytes.
  const reuseJson = join(distDir, inDist(openDataUrl('reuse.json')));
  const key = reuseFileKey(data.reuse);
  if (key) store.place(reuseJson, key, () => reuseOpenData(data.reuse, reuseMemo));
  else {
    const json = reuseOpenData(data.reuse, reuseMemo);
    store.place(reuseJson, digest('open-data-reuse', json), () => json);
  }
}
