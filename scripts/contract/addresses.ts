// Every address of the site, from one place (as Starlight's createPathFormatter): the pages,
// the pipeline (target and reuse links), the search index and the search page's browser script
// all link through these, so that moving a page is one edit. Pure, no Node API: it is bundled
// into the search page.
import { slugify } from '../pipeline/text.ts';
import { isNational, PROVINCE_LEVEL } from './levels.ts';

const segment = encodeURIComponent;

/** The list of localities, on its own too: the search page's script links to it without carrying `pages`. */
export const localitiesPage = '/dia-phuong/';

/** The pages that list things, and the other fixed pages. */
export const pages = {
  home: '/',
  plans: '/van-ban/',
  localities: localitiesPage,
  provinces: '/tinh-thanh/',
  indicators: '/chi-tieu/',
  comparison2030: '/chi-tieu/so-sanh-2030/',
  findings: '/chi-tieu/phat-hien/',
  citedDocuments: '/van-ban-dan-chieu/',
  search: '/tim-kiem/',
  openData: '/du-lieu/',
  abbreviations: '/chu-viet-tat/',
  sitemap: '/sitemap-index.xml',
} as const;

/** The search filters: their names in the index and as the search page's URL parameters (?dia-phuong=…). */
export const SEARCH_FILTERS = {
  locality: 'dia-phuong',
  level: 'cap',
  type: 'loai',
  indicator: 'chi-tieu',
} as const;

/** A plan's page (a national reference's page too: its id is built like a plan's). */
export function planUrl(planId: string): string {
  return `/van-ban/${segment(planId)}/`;
}

/** A place on a plan's page: a paragraph ("p3f9k2"), a clause or a national target's row. */
export function planAnchorUrl(planId: string, anchor: string): string {
  return `${planUrl(planId)}#${anchor}`;
}

/** A plan's original text file, as read from seeds/. */
export function planSourceUrl(planId: string): string {
  return `/nguon/${segment(planId)}.txt`;
}

/** A file of the open data: "plans.json", "targets.csv", "chi-tieu/<id>.csv". */
export function openDataUrl(file: string): string {
  return `/data/${file}`;
}

/** A plan's record in the open data. */
export function planDataUrl(planId: string): string {
  return openDataUrl(`plans/${segment(planId)}.json`);
}

/** One indicator's targets as CSV; `decimalComma` for the Vietnamese-Excel dialect. */
export function indicatorCsvUrl(indicatorId: string, decimalComma: boolean): string {
  return openDataUrl(`chi-tieu/${segment(indicatorId)}${decimalComma ? '.vi' : ''}.csv`);
}

/** The comparison page of a plan with one of its sources (a parent plan's id, or "nghi-quyet-57"). */
export function comparisonUrl(planId: string, source: string): string {
  return `/so-sanh/${segment(planId)}/${segment(source)}/`;
}

/** An indicator's page. */
export function indicatorUrl(indicatorId: string): string {
  return `/chi-tieu/${segment(indicatorId)}/`;
}

/** What names a locality: its level, its name and the province it was issued in (communes' names repeat across provinces). */
export interface LocalityKey {
  name: string;
  level: string | null;
  /** The province at issuance (`metadata.province`), null when unread. */
  province: string | null;
}

/** A metadata field as the pipeline read it. */
type ReadField = { value: string | null };

/** The locality a document's metadata says it was issued in; null when the text does not say. */
export function localityOf({ locality, level, province }: { locality: ReadField; level: ReadField; province: ReadField }): LocalityKey | null {
  return locality.value ? { name: locality.value, level: level.value, province: province.value } : null;
}

/**
 * The province that tells a locality apart from its namesakes ("Xã Tân Phú" of two provinces):
 * below the province level, when known and not the locality's own name; null for a province's
 * (or a centrally-run city's) own bodies and the centre.
 */
export function distinguishingProvince({ name, level, province }: LocalityKey): string | null {
  if (!province || isNational(level) || level === PROVINCE_LEVEL || slugify(province) === slugify(name)) return null;
  return province;
}

/** A locality's name as shown (`text`: its name, or its name with its level), with the province that tells it apart from its namesakes ("Yết Kiêu, Hải Phòng"). */
export function withDistinguishingProvince(text: string, locality: LocalityKey): string {
  const province = distinguishingProvince(locality);
  return province ? `${text}, ${province}` : text;
}

/** The slug of a locality's page: level, name and its province when it tells it apart ("xa-yet-kieu-hai-phong", "tinh-dong-thap"). */
export function localitySlug(locality: LocalityKey): string {
  return slugify(`${locality.level ?? ''} ${locality.name} ${distinguishingProvince(locality) ?? ''}`);
}

/** The slug of the page of the locality a document's metadata names (what tells two localities apart), or null when unsaid. */
export function localityPageOf(metadata: { locality: ReadField; level: ReadField; province: ReadField }): string | null {
  const place = localityOf(metadata);
  return place ? localitySlug(place) : null;
}

/** A locality's page: every plan issued there. */
export function localityUrl(locality: LocalityKey): string {
  return `/dia-phuong/${localitySlug(locality)}/`;
}

/** The slug of a (current) province's page. */
export function provinceSlug(name: string): string {
  return slugify(name);
}

/** A province's page: every plan issued inside it, at any level. */
export function provinceUrl(name: string): string {
  return `/tinh-thanh/${provinceSlug(name)}/`;
}

/** The page of a cited document: every sentence of the library that cites it. */
export function citedDocumentUrl(slug: string): string {
  return `/van-ban-dan-chieu/${segment(slug)}/`;
}

/** Where a cited document is read: the plan itself when the library has it, else its citations page. */
export function documentHref(doc: { slug: string; planId: string | null }): string {
  return doc.planId ? planUrl(doc.planId) : citedDocumentUrl(doc.slug);
}

/** Id of the mark over the clause that states a target ("pfcb6r_57": the block id, "_", the offset): targets of one clause share it. */
export function clauseAnchor(t: { blockId: string; quoteStart: number }): string {
  // "_", not "-": a repeated paragraph's own id already ends in "-2" (block-ids.ts).
  return `${t.blockId}_${t.quoteStart}`;
}

/** Where a target's words are: its clause on its plan's page; a national fact's own anchor (no text is held). */
export function clauseHref(t: { blockId: string; quoteStart: number; url: string; paraphrase: boolean }): string {
  return t.paraphrase ? t.url : t.url.replace(/#.*$/, `#${clauseAnchor(t)}`);
}

/** Anchor of a national target's row on its reference's page. */
export function targetAnchor(index: number): string {
  return `t${index + 1}`;
}

/** Page `page` (1-based) of a paged list whose first page is `firstPageUrl`: "/van-ban/", "/van-ban/trang/2/". */
export function listPageUrl(firstPageUrl: string, page: number): string {
  return page <= 1 ? firstPageUrl : `${firstPageUrl}trang/${page}/`;
}

/** The comparison of one target year's key indicators: every province's own plans, or all plans of one province. */
export function yearComparisonUrl(year: number, province?: string): string {
  return `/chi-tieu/so-sanh-${year}/${province ? `${slugify(province)}/` : ''}`;
}
