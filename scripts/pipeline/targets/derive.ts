// An indicator derived from a target's own subject words, for a target no indicator of
// the taxonomy names ("100% điểm đến du lịch trọng điểm ứng dụng công nghệ số" → "Tỷ lệ
// điểm đến du lịch trọng điểm ứng dụng công nghệ số"). The words kept are normalized
// (lead-in and stop words from content/targets/lexicon.json, case, spelling variants
// through fold) so the same subject in two plans lands on the same indicator.

import raw from '../../../content/targets/lexicon.json' with { type: 'json' };
import { slugify } from '../text.ts';
import { fold } from './fold.ts';
import type { Indicator, UnitKind } from './types.ts';

const words = raw.derivedSubject;
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const lower = (w: string) => w.normalize('NFC').toLocaleLowerCase('vi');
/** Literal words as a pattern on lower-cased text with diacritics, longest first. */
const literal = (list: string[]) =>
  [...new Set(list.map(lower))].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/ /g, '\\s+')).join('|');
// Lead-in: words, a list label ("a)"), numbers with their units, punctuation and list markers.
const LEAD = new RegExp(`^(?:[\\s,;:.()\\-–+*%≥≤<>=/]|${B}[a-zđ]\\)|\\d+(?:[.,]\\d+)*|${B}(?:${literal(words.dropLeading)})${E})+`, 'u');
const STOP = new RegExp(`${B}(?:${literal(words.stopWords)})${E}|[;:.()“”"]|,\\s*(?=\\d)`, 'u');

const NAME_PREFIX: Record<UnitKind, string> = {
  percent: 'Tỷ lệ',
  percentPerYear: 'Mức tăng',
  per10k: 'Số trên 10.000 dân:',
  count: 'Số',
  index: 'Chỉ số',
  rank: 'Xếp hạng',
};
const UNIT: Record<UnitKind, string> = {
  percent: '%',
  percentPerYear: '%/năm',
  per10k: 'người/10.000 dân',
  count: 'số lượng',
  index: 'chỉ số',
  rank: 'hạng',
};

/** The subject words of `subject` (text beside a value, value removed): lead-in dropped, cut at the first stop. */
export function subjectPhrase(subject: string): string {
  const plain = subject.replace(/\*+/g, ' ').replace(/\s+/g, ' ').trim();
  const low = lower(plain);
  const lead = LEAD.exec(low)?.[0].length ?? 0;
  const rest = low.slice(lead);
  const stop = rest.search(STOP);
  const end = lead + (stop >= 0 ? stop : rest.length);
  return plain.slice(lead, end).replace(/[\s,]+$/u, '').split(' ').filter(Boolean).slice(0, words.maxWords).join(' ').replace(/,$/, '');
}

/**
 * The derived indicator of a subject. `countUnit` (the count noun, "trạm") tells two
 * counts of one subject apart from each other's units. Never null: a target whose
 * subject has no words left gets the indicator "other targets" of its kind of quantity.
 */
export function deriveIndicator(subject: string, unitKind: UnitKind, countUnit: string | null, fallback = ''): Indicator {
  // A rank is "về" something ("thuộc top 03 vùng … về đổi mới công nghệ"): those words first.
  const about = unitKind === 'rank' ? /(?<![\p{L}])về\s+(.*)$/su.exec(lower(fallback)) : null;
  const rankSubject = about ? subjectPhrase(fallback.slice(fallback.length - about[1]!.length)) : '';
  // Subject words before the value first; value-first wording ("≥ 30% DNNVV …") has them after.
  const own = subjectPhrase(subject);
  const phrase = rankSubject || (own.replace(/\P{L}/gu, '').length > 2 ? own : subjectPhrase(fallback) || own);
  const unit = countUnit?.replace(/\s+/g, ' ') ?? null;
  const unitWords = unitKind === 'count' && unit && !fold(phrase).startsWith(fold(unit)) ? `${unit} ` : '';
  const described = `${unitWords}${phrase}`.trim();
  const name = described
    ? `${NAME_PREFIX[unitKind]} ${/^\p{Lu}\p{Ll}/u.test(described) ? described.charAt(0).toLocaleLowerCase('vi') + described.slice(1) : described}`
    : `Chỉ tiêu khác (${UNIT[unitKind]})`;
  return {
    id: `rieng-${slugify(name)}`,
    name,
    short: name.length > 40 ? `${name.slice(0, 39).trimEnd()}…` : name,
    definition: `Chỉ tiêu rút ra từ chính lời văn của văn bản («${described || 'không nêu đối tượng'}»), chưa có trong danh mục chỉ tiêu.`,
    unit: unitKind === 'count' ? (unit ?? UNIT.count) : UNIT[unitKind],
    unitKind,
    theme: 'Chỉ tiêu rút ra từ văn bản',
    key: false,
    higherIsBetter: unitKind !== 'rank',
    phrasings: [],
    derived: true,
  };
}
