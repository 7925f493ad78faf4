// National references (Resolution 57-NQ/TW, …) as reviewed facts, not as copied text:
// content/national/*.json holds each document's metadata, where its official text is
// published, and its numeric targets, each with the section it comes from. The project
// holds no text written elsewhere except the seeds, so these documents have no body.
import { readdirSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { nationalReferenceSchema, type NationalPage, type NationalReference } from '../contract/schemas/national.ts';
import { slugify } from './text.ts';
import { planAnchorUrl, planUrl, targetAnchor } from '../contract/addresses.ts';
import type { Target, Taxonomy } from './targets/types.ts';
import type { Plan } from './types.ts';
import { implementersOf } from './implementers.ts';


export type { NationalReference, NationalTarget } from '../contract/schemas/national.ts';

const defaultDir = new URL('../../content/national/', import.meta.url);

/** Every reference of content/national/, validated; a file that breaks the schema stops the build. */
export function loadNationalReferences(dir: URL = defaultDir): NationalReference[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  return files.map((f) => {
    const parsed = nationalReferenceSchema.safeParse(JSON.parse(readFileSync(new URL(f, dir), 'utf8')));
    if (!parsed.success) throw new Error(`content/national/${f}: ${z.prettifyError(parsed.error)}`);
    return parsed.data;
  });
}

/** Page id, built like a plan's (locality + number), so the page keeps the address it had: "viet-nam-57-nq-tw". */
export function nationalId(ref: Pick<NationalReference, 'locality' | 'number'>): string {
  return slugify(`${ref.locality} ${ref.number}`);
}

/** "Nghị quyết số 57-NQ/TW của Bộ Chính trị". */
export function nationalTitle(ref: Pick<NationalReference, 'type' | 'number' | 'issuer'>): string {
  return `${ref.type} số ${ref.number} của ${ref.issuer}`;
}

/**
 * The facts as target records, so that findings, charts and open data compare local plans
 * with them like with any plan's targets. The quote is the reviewer's paraphrase (the text
 * is not held); the url is the target's row on the reference's page.
 */
export function nationalTargets(ref: NationalReference, taxonomy: Taxonomy): Target[] {
  const id = nationalId(ref);
  const kinds = new Map(taxonomy.indicators.map((i) => [i.id, i.unitKind]));
  return ref.targets.map((t, i) => {
    const unitKind = kinds.get(t.indicator);
    if (!unitKind) throw new Error(`content/national: ${ref.number} names indicator "${t.indicator}", not in content/indicators/indicators.json`);
    const anchor = targetAnchor(i);
    return {
      id: `${id}:${anchor}:1`,
      plan: id,
      locality: ref.locality,
      level: ref.level,
      summary: false,
      indicator: t.indicator,
      derived: false,
      year: t.year,
      periodStart: null,
      comparator: t.comparator,
      value: t.value,
      valueMax: t.valueMax ?? null,
      unit: t.unit,
      unitKind,
      quote: t.label,
      quoteStart: 0,
      quoteEnd: t.label.length,
      paraphrase: true,
      url: planAnchorUrl(id, anchor),
      kind: t.kind,
      blockId: anchor,
      start: 0,
      end: t.label.length,
      valueStart: 0,
      valueEnd: 0,
    };
  });
}

/** The reference most plans say they implement (57-NQ/TW for this library): the "national target" of comparisons. */
export function primaryReference(refs: NationalReference[], plans: Pick<Plan, 'id' | 'implements'>[]): NationalReference | null {
  const implementers = implementersOf(plans);
  let best: { ref: NationalReference; n: number } | null = null;
  for (const ref of refs) {
    const n = implementers(ref.number).length;
    if (!best || n > best.n) best = { ref, n };
  }
  return best?.ref ?? null;
}

/** What the site shows of a reference: its facts, its address, the plans that implement it and whether local targets are compared with it. */
export function nationalPage(ref: NationalReference, plans: Pick<Plan, 'id' | 'implements'>[], primary: boolean): NationalPage {
  const id = nationalId(ref);
  return {
    ...ref,
    id,
    url: planUrl(id),
    displayTitle: nationalTitle(ref),
    implementedBy: implementersOf(plans)(ref.number),
    primary,
  };
}
