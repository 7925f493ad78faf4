// The generated content the Astro site reads (content/generated/): one JSON
// record per plan (without its text), one HTML fragment per plan (its text), the cited documents. Pure: returns
// file names and contents; scripts/build.ts writes them.
import { isNational } from '../contract/levels.ts';
import type { PlanEntry, SitePlan } from '../contract/schemas/document.ts';
import { blockFacts } from '../pipeline/block-facts.ts';
import type { Plan } from '../pipeline/types.ts';
import { blocksDigest, digest, type Memo } from '../pipeline/memo.ts';
import { planSourceUrl, planUrl } from '../contract/addresses.ts';
import { collectionText, DATA_FILES, parseDataFile, planTextFile } from '../contract/generated.ts';
import type { Taxonomy } from '../contract/schemas/targets.ts';
import type { CitedDocumentPage } from '../pipeline/cited-documents.ts';
import { planHtml } from '../pipeline/emit-html.ts';
import type { BlockMark, Inline } from '../pipeline/plan-tree.ts';
import type { Library } from './library.ts';
import { targetsSiteData } from '../pipeline/targets/site-targets.ts';
import { loadTaxonomy } from '../pipeline/targets/taxonomy.ts';
import type { Target } from '../pipeline/targets/types.ts';
import { loadNationalReferences, nationalId, nationalPage } from '../pipeline/national.ts';
import { provinceEntries } from '../pipeline/provinces.ts';
import { loadGazetteer } from '../pipeline/gazetteer.ts';

export type { SitePlan };

export function displayTitle(plan: Plan): string {
  const m = plan.metadata;
  // An unknown type is said, never hidden behind a generic "Văn bản".
  const type = m.type.value ?? 'Văn bản chưa rõ loại';
  const number = m.number.value ? ` số ${m.number.value}` : '';
  const issuer = m.issuer.value ?? '';
  const locality = m.locality.value;
  // A local committee is named with its locality ("Ban Thường vụ Tỉnh ủy Đồng Tháp"); a central body is not.
  const local = !isNational(m.level.value);
  const by = issuer && locality && local && !issuer.includes(locality) ? `${issuer} ${locality}` : issuer || locality || '';
  const approves = m.approves.value ? ` phê duyệt ${m.approves.value}` : '';
  const title = `${type}${number}${by ? ` của ${by}` : ''}${approves}`;
  return m.summary ? `Tóm tắt: ${title}` : title;
}

export function toSitePlan(plan: Plan, implementedBy: string[]): SitePlan {
  return {
    ...plan,
    displayTitle: displayTitle(plan),
    url: planUrl(plan.id),
    sourceUrl: planSourceUrl(plan.id),
    implementedBy,
  };
}

/** The plan as plans.json holds it: its text is its HTML fragment (plans/<id>.html), only what pages need from the text stays (its blocks' facts). */
export function planEntry(plan: SitePlan): PlanEntry {
  const { ids, abbreviations } = blockFacts(plan.blocks);
  return { ...plan, blocks: ids.map((id) => ({ id })), abbreviations };
}

export interface GeneratedFiles {
  /** Relative path under content/generated/ → file content. */
  files: Map<string, string>;
  plans: SitePlan[];
  documents: CitedDocumentPage[];
  /** Per plan, the names of the indicators it commits to (the search filter "chi-tieu"). */
  indicatorsByPlan: Map<string, string[]>;
  /** Every target, in reading order, as targets.json holds them (the open data is made from them). */
  targets: Target[];
  /** The indicators as indicators.json holds them (this build's derived ones too), as the contract parses them. */
  indicators: Taxonomy;
  /** A digest of what targets.json and indicators.json are made from: the open data of the targets is keyed by it. */
  targetsKey: string;
}

/** The key of a generated content file in the store of published files: its path and bytes. */
export const contentKey = (path: string, content: string): string => digest('content', path, content);

/**
 * Puts the file `key` names at `path` (under content/generated/): an earlier build's when the build keeps them
 * (scripts/build/file-store.ts), else `make()`'s. `key` is a digest of everything the file is made from; the
 * returned key adds the code that makes it (the same returned key, the same bytes).
 */
export type PlaceFile = (path: string, key: string, make: () => string) => string;

/**
 * Where generated files go. `write`: each file as soon as it is made, with its `contentKey` (the build writes it
 * out and lets it go, so the files' text is never all in memory at once); without it, the files are kept in
 * `files`. `place`: where the plans' texts and the large targets' files go when the build keeps earlier builds'
 * files (one whose inputs did not change is not made again).
 */
export interface FileSink {
  write?: (path: string, content: string, key: string) => void;
  place?: PlaceFile;
}

/** The site's data without the plans' texts (which wait for the reuse marks: planTextFiles), and the targets' links the texts mark. */
export type SiteData = GeneratedFiles & { linksByPlan: Map<string, Inline[]> };

/** A sink's `put`: a file made here, keyed by its bytes, written out or kept in `files`; returns its key. */
function putter(files: Map<string, string>, { write }: FileSink) {
  return (path: string, content: string): string => {
    const key = contentKey(path, content);
    if (write) write(path, content, key);
    else files.set(path, content);
    return key;
  };
}

/**
 * Everything the site reads (plans without their text, targets, findings, documents…) and each plan's text
 * (plans/<id>.html, with the targets' links and the reuse marks) with plan-texts.json.
 * `memo`: earlier builds' per-plan work (the document cache), reused for unchanged plans.
 */
export function generateSiteData(library: Library, marksByPlan?: Map<string, Map<string, BlockMark>>, memo?: Memo, sink: FileSink = {}): GeneratedFiles {
  const { linksByPlan, ...data } = siteDataFiles(library, memo, sink);
  planTextFiles(data, linksByPlan, marksByPlan, sink);
  return data;
}

/**
 * The site's data but the plans' texts: the build places these while text reuse is still to run (the reuse
 * marks go into the texts only), so that Astro reads them meanwhile.
 */
export function siteDataFiles(library: Library, memo?: Memo, sink: FileSink = {}): SiteData {
  const { place } = sink;
  const plans = library.plans.map((p) => toSitePlan(p, library.implementedBy.get(p.id) ?? []));
  const files = new Map<string, string>();
  const put = putter(files, sink);
  // The plans' files first, in the order Astro reads them (src/utils/plans.ts), which it does while the targets are made.
  put('plans.json', collectionText(plans.map(planEntry)));
  put('documents.json', collectionText(library.documents.map((d) => ({ id: d.slug, ...d }))));
  put('provinces.json', collectionText(provinceEntries(library.plans, loadGazetteer())));
  // Targets (issue 4): targets.json and findings.json, and the target phrases marked in the text.
  const national = loadNationalReferences();
  const targets = targetsSiteData(library.plans, loadTaxonomy(), national, memo);
  // National references: facts only (content/national/), no text; `primary` marks the one local targets are compared with.
  put('national.json', collectionText(national.map((r) => nationalPage(r, library.plans, nationalId(r) === targets.nationalPlanId))));
  // The targets' files placed by what they are made from when the build keeps files: a rebuild whose targets did
  // not change links them, neither serializing nor hashing their 140 MB (3,500 plans).
  let indicators: { taxonomy: Taxonomy; key: string } | undefined;
  for (const [path, make] of targets.files) {
    if (place && path !== DATA_FILES.indicators.file) {
      place(path, digest('targets-file', targets.filesKey, path), make);
      continue;
    }
    const content = make();
    const key = put(path, content);
    // Read back as the pages read it: the open data of the targets names the indicators as the pages do.
    if (path === DATA_FILES.indicators.file) indicators = { taxonomy: parseDataFile('indicators', content), key };
  }
  // What the open data of the targets is made from: its files are remade only when this changes.
  const targetsKey = digest('targets', targets.filesKey, indicators!.key);
  const names = new Map(loadTaxonomy().indicators.map((i) => [i.id, i.short]));
  const namesByPlan = new Map<string, Set<string>>();
  for (const t of targets.targets) {
    const name = t.indicator ? names.get(t.indicator) : undefined;
    if (name) namesByPlan.set(t.plan, (namesByPlan.get(t.plan) ?? new Set()).add(name));
  }
  const indicatorsByPlan = new Map([...namesByPlan].map(([plan, found]) => [plan, [...found]]));
  return { files, plans, documents: library.documents, indicatorsByPlan, targets: targets.published, indicators: indicators!.taxonomy, targetsKey, linksByPlan: targets.linksByPlan };
}

/** Each plan's text (its targets' links and reuse marks in it), then plan-texts.json naming each by its key; into `data.files` without a sink's `write`. */
export function planTextFiles(data: GeneratedFiles, linksByPlan: Map<string, Inline[]>, marksByPlan: Map<string, Map<string, BlockMark>> | undefined, sink: FileSink = {}): void {
  const put = putter(data.files, sink);
  const textKeys: Record<string, string> = {};
  for (const plan of data.plans) {
    const links = linksByPlan.get(plan.id) ?? [];
    const marks = marksByPlan?.get(plan.id);
    const make = () => planHtml(plan, links, marks);
    const path = planTextFile(plan.id);
    // A plan's text depends on its blocks, links and marks only (emit-html.ts).
    if (sink.place) textKeys[plan.id] = sink.place(path, digest('plan-html', blocksDigest(plan.blocks), JSON.stringify([links, [...(marks ?? [])]])), make);
    else textKeys[plan.id] = put(path, make());
  }
  // Last: a page reading a text's key finds the text there.
  put(DATA_FILES.planTexts.file, JSON.stringify(textKeys));
}
