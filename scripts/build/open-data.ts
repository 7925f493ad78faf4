// The open data of the targets (dist/data/): every file is made by the pure functions of
// scripts/pipeline/targets/opendata.ts from the targets as published (reading order), and
// written by scripts/build.ts beside the pages, so no page re-runs pipeline code to serve it.
// Pure: returns paths under dist/ and their contents.
import { indicatorCsvUrl, localityPageOf, localitySlug, openDataUrl } from '../contract/addresses.ts';
import { indicatorsJsonSchema, reuseJsonSchema, targetsJsonSchema } from '../contract/json-schemas.ts';
import {
  CSV_STANDARD,
  CSV_VIETNAMESE,
  datapackage,
  indicatorsJson,
  targetsCsv,
  targetsJson,
  targetsTableSchema,
} from '../pipeline/targets/opendata.ts';
import type { Target, Taxonomy } from '../pipeline/targets/types.ts';

const schemaFile = (schema: object) => `${JSON.stringify(schema, null, 2)}\n`;
// "/data/targets.csv" → "data/targets.csv": a path under dist/.
const inDist = (url: string) => url.slice(1);

/** `site` is the canonical origin the pages link to ("https://…/"): every `url` in the data carries it; `plans` say where each was issued. */
export function openDataFiles(targets: Target[], taxonomy: Taxonomy, site: string, plans: Iterable<{ id: string; metadata: Parameters<typeof localityPageOf>[0] }>): Map<string, string> {
  const localities = new Map([...plans].map((p) => [p.id, localityPageOf(p.metadata)]));
  // A national reference's facts name no plan of the library: their own locality ("Việt Nam") names them.
  const localityOf = (t: Target) => (localities.has(t.plan) ? localities.get(t.plan)! : t.locality && localitySlug({ name: t.locality, level: t.level, province: null }));
  const whole: [string, string][] = [
    ['targets.json', targetsJson(targets, taxonomy, site)],
    ['targets.csv', targetsCsv(targets, taxonomy, site)],
    ['targets.vi.csv', targetsCsv(targets, taxonomy, site, CSV_VIETNAMESE)],
    ['indicators.json', indicatorsJson(taxonomy, targets, localityOf)],
    ['datapackage.json', datapackage()],
    ['targets.schema.json', schemaFile(targetsJsonSchema())],
    ['targets.csv.schema.json', schemaFile(targetsTableSchema())],
    ['indicators.schema.json', schemaFile(indicatorsJsonSchema())],
    ['reuse.schema.json', schemaFile(reuseJsonSchema())],
  ];
  const files = new Map(whole.map(([name, content]) => [inDist(openDataUrl(name)), content]));
  const byIndicator = Map.groupBy(targets, (t) => t.indicator);
  for (const i of taxonomy.indicators) {
    for (const dialect of [CSV_STANDARD, CSV_VIETNAMESE]) {
      files.set(inDist(indicatorCsvUrl(i.id, dialect.decimalComma)), targetsCsv(byIndicator.get(i.id) ?? [], taxonomy, site, dialect));
    }
  }
  return files;
}
