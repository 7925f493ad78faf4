// The seeds (and other folders of plans, read in place) through the real
// pipeline, as the site build sees them, for the search bench and tests (no files written).
import { buildLibrary } from '../build/library.ts';
import { readSeeds } from '../build/seeds.ts';
import { generateSiteData, type SitePlan } from '../build/site-data.ts';
import type { CitedDocumentPage } from '../pipeline/cited-documents.ts';
import { withSharedCorpus } from '../shared-folder.ts';

/** Plans and cited documents of the seeds, or of the folders given, as the site build makes them. */
export function siteDataOf(...dirs: string[]): { plans: SitePlan[]; documents: CitedDocumentPage[] } {
  const { plans, documents } = generateSiteData(buildLibrary((dirs.length ? dirs : ['seeds']).flatMap((d) => readSeeds(d))));
  return { plans, documents };
}

/** The seeds plus the shared corpus when it is there: the sources of the synthetic plans. */
export function sourceSiteData(seedsDir = 'seeds') {
  return siteDataOf(...withSharedCorpus(seedsDir));
}
