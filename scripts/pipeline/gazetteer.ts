// The gazetteer (content/gazetteer/provinces.json): Vietnam's provinces and
// centrally-run cities before and after the merger of 1 July 2025, and the
// province names found in a text. A plan keeps the province it was issued in
// and shows the one that province is part of today.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { fold } from './text.ts';

const kind = z.enum(['tỉnh', 'thành phố trực thuộc trung ương']);
const province = z.object({ name: z.string().min(1), kind, aliases: z.array(z.string().min(1)).optional() });

export const gazetteerSchema = z
  .object({
    $comment: z.string().optional(),
    source: z.object({ document: z.string().min(1), effective: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
    provinces: z.array(province).length(34),
    provincesBefore: z.array(province.extend({ mergedInto: z.string().min(1) })).length(63),
  })
  .superRefine((g, ctx) => {
    const now = new Set(g.provinces.map((p) => p.name));
    const merged = new Set(g.provincesBefore.map((p) => p.mergedInto));
    for (const p of g.provincesBefore) if (!now.has(p.mergedInto)) ctx.addIssue({ code: 'custom', message: `${p.name} merged into unknown ${p.mergedInto}` });
    for (const name of now) if (!merged.has(name)) ctx.addIssue({ code: 'custom', message: `${name} is formed from no earlier province` });
    const names = [...g.provinces, ...g.provincesBefore].flatMap((p) => [p.name, ...(p.aliases ?? [])]);
    const owner = new Map<string, string>();
    // A folded name may be shared by an old and a new province only when it is the same place.
    for (const p of g.provincesBefore) for (const n of [p.name, ...(p.aliases ?? [])]) owner.set(fold(n), p.mergedInto);
    for (const p of g.provinces) for (const n of [p.name, ...(p.aliases ?? [])]) {
      const before = owner.get(fold(n));
      if (before && before !== p.name) ctx.addIssue({ code: 'custom', message: `${n} names two different provinces` });
    }
    if (new Set(g.provincesBefore.map((p) => fold(p.name))).size !== 63) ctx.addIssue({ code: 'custom', message: 'duplicate names before the merger' });
    if (names.some((n) => n !== n.normalize('NFC'))) ctx.addIssue({ code: 'custom', message: 'names must be NFC' });
  });

export type GazetteerData = z.infer<typeof gazetteerSchema>;

/** A province as a text names it: its name then, and what it is part of since the merger. */
export interface ProvinceRef {
  /** Canonical name of the province the name denotes (as before the merger when it is an old one). */
  name: string;
  kind: z.infer<typeof kind>;
  /** The province it is part of since the merger (itself when unchanged or the merger's namesake). */
  now: string;
  /** True when the name is a province of the 63 that no longer exists as such. */
  merged: boolean;
}

export interface Gazetteer {
  data: GazetteerData;
  /** The province a name denotes (folded lookup of names and aliases), or null. */
  lookup(name: string): ProvinceRef | null;
  /** Every province name in a text, with its offsets; names must be written capitalised ("Hòa Bình", not "hòa bình"). */
  mentions(text: string): { province: ProvinceRef; start: number; end: number }[];
}

const file = new URL('../../content/gazetteer/provinces.json', import.meta.url);

export function parseGazetteer(json: unknown): Gazetteer {
  const data = gazetteerSchema.parse(json);
  const byName = new Map<string, ProvinceRef>();
  for (const p of data.provincesBefore) {
    const ref: ProvinceRef = { name: p.name, kind: p.kind, now: p.mergedInto, merged: p.mergedInto !== p.name };
    for (const n of [p.name, ...(p.aliases ?? [])]) byName.set(fold(n), ref);
  }
  for (const p of data.provinces) {
    const ref: ProvinceRef = { name: p.name, kind: p.kind, now: p.name, merged: false };
    for (const n of [p.name, ...(p.aliases ?? [])]) byName.set(fold(n), ref);
  }
  // Longest names first, so "Thừa Thiên Huế" wins over "Huế" and "Bà Rịa - Vũng Tàu" is one name.
  const names = [...byName.keys()].sort((a, b) => b.length - a.length);
  const escaped = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s*-\s*/g, '\\s*[-–]\\s*').replace(/ /g, '\\s+'));
  const pattern = new RegExp(`(?<![\\p{L}\\d])(?:${escaped.join('|')})(?![\\p{L}\\d])`, 'gu');
  const capitalised = (s: string) => s.split(/[\s\-–.]+/).filter(Boolean).every((w) => w.charAt(0) !== w.charAt(0).toLowerCase());
  const keyOf = (s: string) => fold(s).replace(/\s*[-–]\s*/g, ' - ').replace(/\s+/g, ' ');
  const lookupFolded = new Map([...byName].map(([k, v]) => [keyOf(k), v]));
  return {
    data,
    lookup: (name) => lookupFolded.get(keyOf(name.trim())) ?? null,
    mentions(text) {
      const folded = fold(text);
      const found: { province: ProvinceRef; start: number; end: number }[] = [];
      for (const m of folded.matchAll(pattern)) {
        const original = text.slice(m.index, m.index + m[0].length);
        const province = lookupFolded.get(keyOf(m[0]));
        if (province && capitalised(original)) found.push({ province, start: m.index, end: m.index + m[0].length });
      }
      return found;
    },
  };
}

let cached: Gazetteer | null = null;

export function loadGazetteer(): Gazetteer {
  cached ??= parseGazetteer(JSON.parse(readFileSync(file, 'utf8')));
  return cached;
}

/** The provinces of before the merger that make up `name` today (itself included when it kept its name). */
export function formedFrom(gazetteer: Gazetteer, name: string): string[] {
  return gazetteer.data.provincesBefore.filter((b) => b.mergedInto === name).map((b) => b.name);
}

/** Before the merger took effect? Unknown dates count as not known to be before. */
export function isBeforeMerger(date: string | null, gazetteer: Gazetteer): boolean {
  return date !== null && date < gazetteer.data.source.effective;
}
