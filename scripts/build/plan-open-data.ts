// The open data of the plans: dist/data/plans.json (one object per plan, the metadata
// journalists filter and sort on) and dist/data/plans/<id>.json (a plan with its paragraphs).
// Made from the build's plans, which hold their text (the pages' plans.json does not).
// Pure: returns paths under dist/ and their contents.
import { sitePlanSchema, type SitePlan } from '../contract/schemas/document.ts';
import { openDataUrl, planAnchorUrl, planDataUrl } from '../contract/addresses.ts';
import { compareReadingOrder } from '../contract/reading-order.ts';
import { digest, planDigest } from '../pipeline/memo.ts';

const planFactsSchema = sitePlanSchema.omit({ blocks: true });

export function planSummary(plan: Omit<SitePlan, 'blocks'>, site: URL) {
  const m = plan.metadata;
  return {
    id: plan.id,
    title: plan.displayTitle,
    subject: m.subject.value,
    type: m.type.value,
    number: m.number.value,
    date: m.date.value,
    issuer: m.issuer.value,
    signer: m.signer.value,
    signerCapacity: m.signerCapacity.value,
    locality: m.locality.value,
    level: m.level.value,
    /** The province it was issued in, and the one that is today (since the merger of 1 July 2025). */
    province: m.province.value,
    provinceNow: m.provinceNow.value,
    /** True for a press or portal summary of a plan, not the plan itself. */
    summary: m.summary,
    url: new URL(plan.url, site).href,
    sourceFile: plan.sourceFile,
    sourceUrl: new URL(plan.sourceUrl, site).href,
    sourceSha256: plan.sourceSha256,
    implements: plan.implements,
    implementedBy: plan.implementedBy,
    /** Where each value comes from: "text", "sidecar" (reviewed, with a note) or null (unknown). */
    provenance: Object.fromEntries(
      (['type', 'number', 'date', 'issuer', 'signer', 'locality', 'level', 'province'] as const).map((k) => [k, m[k].source === 'sidecar' ? { source: 'sidecar', note: m[k].note } : m[k].source]),
    ),
  };
}

export function planDetail(plan: SitePlan, site: URL) {
  return {
    ...planSummary(plan, site),
    recipients: plan.metadata.recipients,
    footnotes: plan.metadata.footnotes,
    outline: plan.outline,
    paragraphs: plan.blocks.map((b) => ({
      id: b.id,
      kind: b.kind,
      part: b.part,
      text: b.text,
      ...(b.original !== undefined ? { original: b.original } : {}),
      url: new URL(planAnchorUrl(plan.id, b.id), site).href,
    })),
    references: plan.references,
    ocr: plan.ocr ?? null,
    /** Set when the source file was in a legacy encoding and converted (its note says which). */
    sourceEncoding: plan.sourceEncoding ?? null,
  };
}

const json = (data: unknown) => JSON.stringify(data, null, 1);
// "/data/plans.json" → "data/plans.json": a path under dist/.
const inDist = (url: string) => url.slice(1);

/** A file of the open data, the digest of everything it is made from (the store's key), and how to make it. */
export interface OpenDataFile {
  path: string;
  key: string;
  make: () => string;
}

/**
 * `site` is the canonical origin ("https://…/"). The plans are read through their schema, so every object's keys
 * come in its order. Made one plan at a time (plans.json last), so the build writes each file and lets it go.
 * A plan's file is keyed by the plan as the build made it, so one whose plan is unchanged need not be made again.
 */
export function* planOpenDataMakers(plans: readonly SitePlan[], site: string): Generator<OpenDataFile> {
  const base = new URL(site);
  const ordered = [...plans].sort(compareReadingOrder);
  const keys: string[] = [];
  for (const plan of ordered) {
    const key = digest('plan-open-data', site, planDigest(plan));
    keys.push(key);
    yield { path: inDist(planDataUrl(plan.id)), key, make: () => json(planDetail(sitePlanSchema.parse(plan), base)) };
  }
  // The summaries read no paragraph: each plan is read through its schema without them.
  yield {
    path: inDist(openDataUrl('plans.json')),
    key: digest('plans-open-data', ...keys),
    make: () => json(ordered.map((plan) => planSummary(planFactsSchema.parse(plan), base))),
  };
}

export function* planOpenDataFiles(plans: readonly SitePlan[], site: string): Generator<[path: string, content: string]> {
  for (const file of planOpenDataMakers(plans, site)) yield [file.path, file.make()];
}
