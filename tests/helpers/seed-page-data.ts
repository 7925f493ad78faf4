// The seeds through the real pipeline as the pages read them (content/generated's JSON, in
// memory): the fixtures of the page-level unit tests (src/utils/*.test.ts), from the seeds' one build (tests/seeds.ts).
import { DATA_FILES, parseDataFile } from '../../scripts/contract/generated.ts';
import type { Indicator, Target } from '../../scripts/contract/schemas/targets.ts';
import type { DocumentEntry, NationalEntry, PlanEntry } from '../../src/utils/plans.ts';
import type { FindingEntry } from '../../src/utils/targets.ts';
import { seedSiteData } from '../seeds.ts';

export interface SeedPageData {
  /** Every generated file (relative path → content), as written to content/generated/. */
  files: Map<string, string>;
  plans: PlanEntry[];
  documents: DocumentEntry[];
  national: NationalEntry[];
  /** The site's indicators: the taxonomy's and those derived from the seeds' subject words. */
  indicators: Indicator[];
  targets: Target[];
  findings: FindingEntry[];
}

let cached: SeedPageData | null = null;

export function seedPageData(): SeedPageData {
  if (cached) return cached;
  const { files } = seedSiteData();
  const json = <T,>(name: string): T => JSON.parse(files.get(name)!) as T;
  cached = {
    files,
    plans: json('plans.json'),
    documents: json('documents.json'),
    national: json('national.json'),
    indicators: parseDataFile('indicators', files.get(DATA_FILES.indicators.file)!).indicators,
    targets: json('targets.json'),
    findings: json('findings.json'),
  };
  return cached;
}
