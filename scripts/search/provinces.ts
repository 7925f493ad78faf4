// The 34 provinces (content/search/provinces.json) and the one function that says
// which province a plan belongs to: it picks the search bundle a plan goes into.
// Until a gazetteer maps every commune and city to its province, a plan whose
// locality is not a province (or a former one) goes into the "unknown" bundle.
import { z } from 'zod';
import raw from '../../content/search/provinces.json' with { type: 'json' };
import { fold, slugify } from '../pipeline/text.ts';

const ProvinceSchema = z.object({
  name: z.string(),
  former: z.array(z.string()),
  aliases: z.array(z.string()).optional(),
});
export type Province = z.infer<typeof ProvinceSchema>;

export const PROVINCES: Province[] = z.object({ source: z.string(), provinces: z.array(ProvinceSchema).length(34) }).parse(raw).provinces;

/** The bundle key of plans whose province is not known. */
export const UNKNOWN_PROVINCE = 'chua-ro';
/** The bundle key of central (national) documents. */
export const CENTRAL = 'trung-uong';

const byName = new Map<string, Province>();
for (const p of PROVINCES) for (const n of [p.name, ...p.former, ...(p.aliases ?? [])]) byName.set(fold(n), p);

/** The current province a place name is or was part of ("Ninh Thuận" → Khánh Hòa), or null. */
export function provinceNamed(name: string): Province | null {
  return byName.get(fold(name.normalize('NFC').trim())) ?? null;
}

/** The search bundle a plan goes into: its province's slug, "trung-uong", or "chua-ro". */
export function provinceKey(locality: string | null | undefined, level: string | null | undefined): string {
  if (level === 'trung ương') return CENTRAL;
  const p = locality ? provinceNamed(locality) : null;
  return p ? slugify(p.name) : UNKNOWN_PROVINCE;
}
