// The seeds through the real pipeline, as the site build sees them, for the
// search bench and tests (no files written).
import { buildCorpus } from '../build/corpus-build.ts';
import { readSeeds } from '../build/seeds.ts';
import { generateSiteData, type SitePlan } from '../build/site-data.ts';
import type { CitedDocumentPage } from '../pipeline/corpus.ts';

export function seedCorpus(seedsDir = 'seeds'): { plans: SitePlan[]; documents: CitedDocumentPage[] } {
  const { plans, documents } = generateSiteData(buildCorpus(readSeeds(seedsDir)));
  return { plans, documents };
}
