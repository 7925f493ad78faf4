// The 34 provinces of the gazetteer (content/gazetteer/provinces.json) as the search sees them,
// and the one function that says which province a plan belongs to: it picks the search bundle
// a plan goes into. A plan whose province is not known goes into the "unknown" bundle.
import { isNational } from '../contract/levels.ts';
import { formedFrom, loadGazetteer } from '../pipeline/gazetteer.ts';
import { fold, slugify } from '../pipeline/text.ts';

export interface Province {
  name: string;
  /** The provinces of before 1 July 2025 merged into it (itself left out). */
  former: string[];
  aliases?: string[];
}

const gazetteer = loadGazetteer();
export const PROVINCES: Province[] = gazetteer.data.provinces.map((p) => ({
  name: p.name,
  former: formedFrom(gazetteer, p.name).filter((name) => name !== p.name),
  ...(p.aliases ? { aliases: p.aliases } : {}),
}));

/** The bundle key of plans whose province is not known. */
export const UNKNOWN_PROVINCE = 'chua-ro';
/** The bundle key of central (national) documents. */
export const CENTRAL = 'trung-uong';

const byName = new Map<string, Province>();
for (const p of PROVINCES) for (const n of [p.name, ...p.former, ...(p.aliases ?? [])]) byName.set(fold(n), p);

/** The current province a place name is or was part of ("Ninh Thuận" → Khánh Hòa), or null. */
export function provinceNamed(name: string): Province | null {
  const ref = gazetteer.lookup(name.normalize('NFC'));
  return (ref ? byName.get(fold(ref.now)) : byName.get(fold(name.normalize('NFC').trim()))) ?? null;
}

/** The search bundle a plan goes into: its province's slug, "trung-uong", or "chua-ro". */
export function provinceKey(locality: string | null | undefined, level: string | null | undefined): string {
  if (isNational(level)) return CENTRAL;
  const p = locality ? provinceNamed(locality) : null;
  return p ? slugify(p.name) : UNKNOWN_PROVINCE;
}
