// schema.org Legislation for a plan page and a national reference's page (how search engines and portals describe legal documents).
import type { DocumentEntry, NationalEntry, PlanEntry } from './plans.ts';

export function legislationJsonLd(plan: PlanEntry, site: URL, implemented: readonly DocumentEntry[]): object {
  const m = plan.metadata;
  const url = new URL(plan.url, site).href;
  const basedOn = implemented.map((d) => ({ '@type': 'Legislation', legislationIdentifier: d.number ?? d.title }));
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

/** schema.org Legislation for a national reference's page (facts only; the official text is elsewhere: `workExample`). */
export function nationalJsonLd(ref: NationalEntry, site: URL): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'Legislation',
    url: new URL(ref.url, site).href,
    name: ref.displayTitle,
    legislationType: ref.type,
    legislationIdentifier: ref.number,
    legislationDate: ref.date,
    legislationPassedBy: { '@type': 'Organization', name: ref.issuer },
    legislationJurisdiction: { '@type': 'Country', name: ref.locality },
    workExample: ref.published.filter((p) => p.url).map((p) => ({ '@type': 'WebPage', url: p.url, publisher: { '@type': 'Organization', name: p.name } })),
  };
}
