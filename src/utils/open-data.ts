// The public shape of dist/data/plans.json and dist/data/plans/<id>.json.
import type { PlanEntry } from './plans.ts';
import { planAnchorUrl } from '../../scripts/contract/addresses.ts';

export function planSummary(plan: PlanEntry, site: URL) {
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

export function planDetail(plan: PlanEntry, site: URL) {
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
