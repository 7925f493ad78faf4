// Small text helpers shared by the stages: folding for tolerant matching, slugs.

/** Lowercase, strip every diacritic and map đ→d: "Đồng Tháp" → "dong thap". For matching only, never for display. */
export function fold(text: string): string {
  // Character by character, so that an index in the folded text is the same index in the original.
  let out = '';
  for (const ch of text) {
    const base = ch === 'đ' || ch === 'Đ' ? 'd' : ch.normalize('NFD').charAt(0).toLowerCase();
    out += base.length === ch.length ? base : ch.toLowerCase();
  }
  return out;
}

/** URL slug: "Phan Rang - Tháp Chàm" → "phan-rang-thap-cham", "57-NQ/TW" → "57-nq-tw". */
export function slugify(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** True when every letter is uppercase (titles, committee names, signature capacities). */
export function isAllCaps(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length > 0 && letters === letters.toUpperCase();
}

/** At least 80% of the letters are uppercase: a scan's "PHO Bf THU" still reads as a capitals line. */
export function isMostlyCaps(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length === 0) return false;
  const upper = [...letters].filter((c) => c !== c.toLowerCase()).length;
  return upper / letters.length >= 0.8;
}
