// Synthetic seed FILES for the scale benchmark (issue 16): N plan texts made from real
// documents — the seeds and, when present, ../shared/corpus/ (read in place, never copied
// into the repository) — for the whole build to read as it reads real seeds. Each keeps one
// real document's layout (header, preamble, signature) and swaps about half its body
// paragraphs for others', is issued in one of the 34 provinces at the level of its layout
// (province, city, commune: scripts/search/synthetic.ts spreads them), gets its own number
// and date, its percentages varied, and about 3% are damaged like a scan (ocr/noise.ts).
// Deterministic: the same sources, N and seed give the same bytes.
import { createHash } from 'node:crypto';
import type { Level } from '../pipeline/types.ts';
import { mulberry32 } from '../pipeline/random.ts';
import { degrade } from '../pipeline/ocr/noise.ts';
import { fold, isAllCaps, slugify } from '../pipeline/text.ts';
import { PROVINCES, provinceNamed } from '../search/provinces.ts';
import { levelOf, placeName } from '../search/synthetic.ts';
import { buildLibrary } from '../build/library.ts';
import { loadGazetteer } from '../pipeline/gazetteer.ts';
import { readSeeds } from '../build/seeds.ts';

/** A real document the generator recombines: its text and what the pipeline read of it. */
export interface SourceDocument {
  file: string;
  text: string;
  level: Level | null;
  locality: string | null;
  /** The province it was issued in (null when unread or national). */
  province: string | null;
  number: string | null;
  /** YYYY-MM-DD, as read. */
  date: string | null;
  /** Read as a damaged scan: never an outline or a paragraph source (its words are the scanner's). */
  damaged: boolean;
}

export interface SyntheticSeed {
  file: string;
  text: string;
  province: string;
  locality: string;
  level: Level;
  damaged: boolean;
}

/** Share of generated plans damaged like a scan. */
export const SCAN_SHARE = 0.03;
/** Chance that a body paragraph is swapped for another document's. */
const SWAP_SHARE = 0.5;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const upper = (s: string) => s.toLocaleUpperCase('vi');

/**
 * Every way `name` is written in `text` as a whole word, whatever its case and diacritics: a source
 * may spell its place as a scan read it ("HÀI PHÒNG"), which the pipeline still reads as the place.
 */
export function writtenForms(text: string, name: string): string[] {
  const folded = fold(text);
  const key = fold(name);
  const isLetter = (at: number) => /\p{L}/u.test(text[at] ?? '');
  const forms = new Set<string>();
  for (let at = folded.indexOf(key); at >= 0; at = folded.indexOf(key, at + 1)) {
    if (!isLetter(at - 1) && !isLetter(at + key.length)) forms.add(text.slice(at, at + key.length));
  }
  return [...forms];
}

// A source's forms of a name, found once: a plan borrows paragraphs from sources hundreds of times.
const formsFound = new Map<string, string[]>();
function formsIn(source: SourceDocument, name: string): string[] {
  const key = `${source.file}\0${name}`;
  let forms = formsFound.get(key);
  if (!forms) formsFound.set(key, (forms = writtenForms(source.text, name)));
  return forms;
}

/** "tỉnh" or "thành phố": the kind of unit a province of the gazetteer is, as a header names it. */
const unitOf = new Map(loadGazetteer().data.provinces.map((p) => [p.name, p.kind === 'tỉnh' ? 'tỉnh' : 'thành phố']));
const UNIT_WORDS = ['tỉnh', 'thành phố'];

/**
 * A function writing the new place names over a source's own, each as it is written there (capitals
 * kept); a province named with its unit ("THÀNH PHỐ HẢI PHÒNG") gets the new province's unit too.
 */
function renamer(source: SourceDocument, locality: string, province: string): (text: string) => string {
  const names = new Map<string, string>();
  const rename = (from: string, to: string) => {
    for (const form of formsIn(source, from)) names.set(form, isAllCaps(form) ? upper(to) : to);
  };
  if (source.level !== 'trung ương') {
    if (source.province) {
      rename(source.province, province);
      for (const unit of UNIT_WORDS) rename(`${unit} ${source.province}`, `${unitOf.get(province) ?? unit} ${province}`);
    }
    if (source.locality) rename(source.locality, locality);
  }
  if (names.size === 0) return (text) => text;
  const pattern = new RegExp([...names.keys()].sort((a, b) => b.length - a.length).map(escape).join('|'), 'g');
  return (text) => text.replace(pattern, (m) => names.get(m)!);
}

const invented: string[] = [];
let nextInvented = 0;
/** The k-th invented place name that the gazetteer places nowhere (a commune called "Thanh Hóa" would read as that province). */
function localityName(k: number): string {
  while (invented.length <= k) {
    const name = placeName(nextInvented++);
    if (!provinceNamed(name)) invented.push(name);
  }
  return invented[k]!;
}

/** A body paragraph others may borrow: prose, not a heading, table, header or signature line. */
const isProse = (p: string) => p.length >= 160 && !p.includes('|') && !/^\s*(\*\*|[IVX]+[.-]|\d+\.\s)/.test(p);

/** Paragraphs (blank-line separated) with the separators kept, so that joining gives the text back. */
const paragraphsOf = (text: string) => text.split(/(\n[ \t]*\n+)/);

/** The document's own number replaced where its header states it ("Số: 552/KH-UBND", "Số 09 -KH/ĐU"). */
function renumber(text: string, number: string | null, next: number): string {
  const digits = number?.match(/^\d+/)?.[0];
  if (!digits) return text;
  return text.replace(new RegExp(`(S[ốỐ]:?\\s*)${escape(digits)}(?=\\s*[-/])`), `$1${next}`);
}

/** The date of issue replaced where the header states it ("ngày 19 tháng 11 năm 2025", wrapped or not). */
function redate(text: string, date: string | null, day: number, month: number): string {
  const m = date?.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (!m) return text;
  const [, year, mm, dd] = m;
  const pattern = new RegExp(`(ngày\\s+)0?${Number(dd)}(\\s+tháng\\s+)0?${Number(mm)}(\\s+năm\\s+${year})`, 'i');
  return text.replace(pattern, `$1${String(day).padStart(2, '0')}$2${String(month).padStart(2, '0')}$3`);
}

/** Percentages moved by up to ±10 points, kept within 1–100: the targets differ from plan to plan. */
const varyPercentages = (text: string, rnd: () => number) =>
  text.replace(/(?<![\d,.])(\d{1,3})(?:,\d+)?(?=\s?%)/g, (whole, value: string) => {
    const v = Number(value);
    return v > 100 ? whole : String(Math.min(100, Math.max(1, v + Math.round((rnd() - 0.5) * 20))));
  });

/**
 * N seed texts. Plan i is in province i mod 34, at the level `levelOf` gives its rank in that
 * province, following the layout of a source of that level (any clean local one when none is).
 */
export function syntheticSeeds(sources: SourceDocument[], n: number, { seed = 57 } = {}): SyntheticSeed[] {
  const rnd = mulberry32(seed);
  const pick = <T,>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const clean = sources.filter((s) => !s.damaged);
  const outlines = clean.filter((s) => s.level !== null && s.level !== 'trung ương');
  if (outlines.length === 0) throw new Error('no clean local plan among the sources to take a layout from');
  const byLevel = (level: Level) => {
    const same = outlines.filter((s) => s.level === level);
    return same.length ? same : outlines;
  };
  const pool = clean.flatMap((source) => paragraphsOf(source.text).filter(isProse).map((text) => ({ source, text })));
  const seen = new Set<string>();
  const out: SyntheticSeed[] = [];
  for (let i = 0; i < n; i++) {
    const province = PROVINCES[i % PROVINCES.length]!.name;
    const level = levelOf(Math.floor(i / PROVINCES.length));
    const locality = level === 'tỉnh' ? province : localityName(i);
    const candidates = byLevel(level);
    const base = candidates[i % candidates.length]!;
    const parts = paragraphsOf(base.text);
    // The header and preamble (up to the first numbered part) and the signature stay the layout's own.
    const firstPart = parts.findIndex((p) => /^\s*(\*\*)?[IVX]+[.-]/.test(p));
    const first = firstPart > 0 ? firstPart : Math.round(parts.length / 5);
    const last = parts.length - 6;
    const own = renamer(base, locality, province);
    const body = parts.map((p, j) => {
      if (j % 2 === 1 || j <= first || j > last || !isProse(p) || rnd() >= SWAP_SHARE) return own(p);
      const other = pick(pool);
      return renamer(other.source, locality, province)(other.text);
    });
    let text = redate(renumber(varyPercentages(body.join(''), rnd), base.number, i + 1), base.date, 1 + Math.floor(rnd() * 28), 1 + Math.floor(rnd() * 12));
    const damaged = rnd() < SCAN_SHARE;
    if (damaged) text = degrade(text, seed * 100_003 + i);
    // Two draws giving the same text is all but impossible; the check keeps "no two duplicates" a guarantee.
    const hash = createHash('sha256').update(text).digest('hex');
    if (seen.has(hash)) throw new Error(`synthetic plan ${i + 1} repeats an earlier one: change the seed`);
    seen.add(hash);
    out.push({ file: `${String(i + 1).padStart(5, '0')}-${slugify(locality)}.txt`, text, province, locality, level, damaged });
  }
  return out;
}

/** The documents of some folders of plans (seeds/, ../shared/corpus/), read by the real pipeline. */
export function readSourceDocuments(dirs: string[]): SourceDocument[] {
  const inputs = dirs.flatMap((dir, k) => readSeeds(dir).map((input) => ({ ...input, file: `${k}/${input.file}` })));
  const texts = new Map(inputs.map((input) => [input.file, new TextDecoder('utf-8').decode(input.bytes).normalize('NFC')]));
  return buildLibrary(inputs).plans.map((plan) => {
    const m = plan.metadata;
    return {
      file: plan.sourceFile,
      text: texts.get(plan.sourceFile)!,
      level: m.level.value,
      locality: m.locality.value,
      province: m.province.value,
      number: m.number.value,
      date: m.date.value,
      damaged: plan.ocr?.restored === true,
    };
  });
}
