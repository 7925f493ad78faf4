// schema.org Legislation for a plan page (how search engines and portals describe legal documents).
import type { DocumentEntry, PlanEntry } from './plans.ts';

export function legislationJsonLd(plan: PlanEntry, site: URL, documents: DocumentEntry[]): object {
  const m = plan.metadata;
  const url = new URL(plan.url, site).href;
  const basedOn = plan.implements
    .map((docId) => documents.find((d) => d.docId === docId))
    .filter((d) => d !== undefined)
    .map((d) => ({ '@type': 'Legislation', legislationIdentifier: d.number ?? d.title }));
  return {
    '@context': 'https://schema.org',
    '@type': 'Legislation',
    url,
    name: plan.displayTitle,
    legislationType: m.type.value ?? undefined,
    legislationIdentifier: m.number.value ?? undefined,
    legislationDate: m.date.value ?? undefined,
    legislationPassedBy: m.issuer.value ? { '@type': 'Organization', name: m.issuer.value } : undefined,
    legislationJurisdiction: m.locality.value ? { '@type': 'AdministrativeArea', name: m.locality.value } : undefined,
    isBasedOn: basedOn.length ? basedOn : undefined,
  };
}
