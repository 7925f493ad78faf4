// Every numeric commitment of a plan as a Target record. General rules only: the
// words come from content/targets/lexicon.json, the concepts from
// content/indicators/indicators.json.

import type { Block } from '../types.ts';
import { planAnchorUrl } from '../../contract/addresses.ts';
import { classify, type Classification } from './classify.ts';
import { deriveIndicator } from './derive.ts';
import { targetCells } from './table.ts';
import { comparatorFor, readChain, type Chain } from './comparator.ts';
import { fold } from './fold.ts';
import { lexicon, type CompiledLexicon } from './lexicon.ts';
import { scanValues, type RawValue } from './numbers.ts';
import { clauses, sentences, type Range } from './segment.ts';
import { loadTaxonomy } from './taxonomy.ts';
import type { Indicator, PlanInput, Target, Taxonomy } from './types.ts';
import { headingContext, pickYear, yearsIn, type HeadingContext, type YearRef } from './year-context.ts';
import { isPercent } from '../../contract/unit-kinds.ts';

interface Found {
  value: RawValue;
  chain: Chain;
}

/** Values in a clause that state a commitment (qualifiers and bare numbers dropped). */
function findValues(cf: string, co: string, lx: CompiledLexicon): Found[] {
  const found: Found[] = [];
  for (const v of scanValues(cf, co, lx)) {
    if (v.qualifier) continue;
    let chain = readChain(cf.slice(0, v.start), lx);
    const measured = isMeasured(v);
    const previous = found[found.length - 1];
    const gap = previous ? cf.slice(previous.value.end, v.start) : '';
    if (!measured && previous && isMeasured(previous.value) && !/[;:]|,\s*$|(?<![\p{L}])trong do(?![\p{L}])/u.test(gap)) {
      // A count inside the subject of a share: "100% khu công nghiệp, cụm công nghiệp có tối thiểu 1 trạm 5G".
      continue;
    }
    // A count in brackets details another ("58 trạm (Trong đó: VNPT: 25 trạm, …)").
    if (!measured && cf.slice(0, v.start).split('(').length > cf.slice(0, v.start).split(')').length) continue;
    if (!measured && chain.comparator == null) {
      // A count listed after another under one predicate: "ít nhất 100 doanh nghiệp A, 50 doanh nghiệp B".
      if (previous?.chain.comparator && previous.value.unitKind === 'count' && /^[^,;:]*,\s*$/.test(gap)) chain = { start: v.start, comparator: previous.chain.comparator };
      // Otherwise a bare count needs a predicate ("có ≥ 3 cán bộ", "đạt 12"): "3 năm và 5 năm báo cáo" has none.
      else continue;
    }
    found.push({ value: v, chain });
  }
  for (const imp of lx.implicit) {
    imp.regex.lastIndex = 0;
    for (const m of cf.matchAll(imp.regex)) {
      const start = m.index;
      const end = start + m[0].length;
      if (found.some((f) => f.value.start < end && start < f.value.end)) continue;
      found.push({
        value: { start, end, value: imp.value, valueMax: null, unit: imp.unit, unitKind: imp.kind, qualifier: false, postfix: null, rank: null, decimal: false },
        chain: { start, comparator: imp.comparator },
      });
    }
  }
  return found.sort((a, b) => a.value.start - b.value.start);
}

function isMeasured(v: RawValue): boolean {
  return isPercent(v.unitKind) || v.unitKind === 'per10k' || v.unitKind === 'rank';
}

/**
 * Where the words of one value end and the next one's begin, between two values: at
 * the last comma (", trong đó ..."; "..., tỷ lệ người dân có chữ ký số ≥ 10%"), else
 * everything goes to the next value.
 */
function splitGap(cf: string, from: number, to: number, lx: CompiledLexicon): { leftEnd: number; rightStart: number } {
  const gap = cf.slice(from, to);
  // Value-first wording after a connector ("100% xã, phường ... và 100% hộ ..."): the next
  // value starts right at the connector; everything before it belongs to this one.
  const connector = [...gap.matchAll(/,|(?<![\p{L}])va(?![\p{L}])/gu)].pop();
  if (connector && lx.weakSubject.test(gap.slice(connector.index + connector[0].length))) {
    return { leftEnd: from + connector.index, rightStart: from + connector.index + connector[0].length };
  }
  const comma = Math.max(gap.lastIndexOf(','), gap.lastIndexOf(':'));
  if (comma >= 0) return { leftEnd: from + comma, rightStart: from + comma + 1 };
  const trongDo = gap.search(/(?<![\p{L}])trong do(?![\p{L}])/u);
  if (trongDo >= 0) return { leftEnd: from + trongDo, rightStart: from + trongDo };
  return { leftEnd: from, rightStart: from };
}

/** Characters of subject beyond which the marked phrase starts at a comma instead. */
const LONG_SUBJECT = 90;
const PUNCT = /[\s,;:.()\-–]/u;
function trimStart(s: string, i: number, end: number): number {
  while (i < end && PUNCT.test(s[i]!)) i++;
  return i;
}
function trimEnd(s: string, start: number, i: number): number {
  while (i > start && /[\s,;:.(\-–]/u.test(s[i - 1]!)) i--;
  return i;
}

const PAIRS: [string, string][] = [['“', '”'], ['‘', '’'], ['(', ')'], ['«', '»']];
/** Extends a phrase end over the closing quote or bracket of one it opened ("“phi tiếp xúc”"). */
function closeQuotes(co: string, start: number, end: number): number {
  const phrase = co.slice(start, end);
  for (const [open, close] of PAIRS) {
    if (co[end] === close && phrase.split(open).length > phrase.split(close).length) return end + 1;
  }
  return end;
}

/** The latest year the plan itself shows as past: its date, else the latest date it cites. */
export function referenceYear(plan: PlanInput): number | null {
  const own = plan.date ? Number(plan.date.slice(0, 4)) : NaN;
  if (Number.isFinite(own)) return own;
  let max: number | null = null;
  for (const b of plan.blocks) {
    const f = fold(b.text);
    for (const m of f.matchAll(/\d{1,2}\/\d{1,2}\/((?:19|20)\d\d)(?!\d)|thang\s+\d{1,2}\s+nam\s+((?:19|20)\d\d)/gu)) {
      const y = Number(m[1] ?? m[2]);
      if (max == null || y > max) max = y;
    }
  }
  return max;
}

/**
 * Every target of a plan. Indicators a target's subject needs beyond the taxonomy are
 * derived from its words and added to `derived` (by id) when given.
 */
export function extractTargets(plan: PlanInput, taxonomy: Taxonomy = loadTaxonomy(), derived?: Map<string, Indicator>): Target[] {
  const lx = lexicon();
  const pastUpTo = referenceYear(plan);
  const out: Target[] = [];
  const reader: Reader = { plan, pastUpTo, lx, taxonomy, derived: derived ?? new Map() };
  plan.blocks.forEach((block, index) => {
    // Headings are read too: a numbered target ("a) Tỷ lệ ... đạt 100%") may be parsed as one.
    // Tables are read wherever they are (an appendix of targets follows the signature).
    const isTable = block.kind === 'table';
    if (block.part === 'header' || (block.part === 'closing' && !isTable)) return;
    const context = headingContext(plan.blocks, index, lx);
    const found = isTable ? tableTargets(block, context, reader) : blockTargets(block, context, reader);
    let n = 0;
    for (const target of found) out.push({ ...target, id: `${plan.id}:${block.id}:${++n}` });
  });
  return out;
}

interface Reader {
  plan: PlanInput;
  pastUpTo: number | null;
  lx: CompiledLexicon;
  taxonomy: Taxonomy;
  derived: Map<string, Indicator>;
}

/** The indicator of a value: the taxonomy's, else one derived from its subject words. */
function indicatorFor(cls: Classification | null, subject: string, fallback: string, value: RawValue, reader: Reader): { indicator: string; derived: boolean } {
  if (cls) return { indicator: cls.indicator.id, derived: false };
  const d = deriveIndicator(subject, value.unitKind, value.unitKind === 'count' ? value.unit : null, fallback);
  if (!reader.derived.has(d.id)) reader.derived.set(d.id, d);
  return { indicator: d.id, derived: true };
}

/** Values of a table's target cells ("Năm 2030" column of a "Chỉ tiêu" row): the column is the predicate. */
function tableTargets(block: Block, heading: HeadingContext, reader: Reader): Omit<Target, 'id'>[] {
  const { lx, plan } = reader;
  const text = block.text;
  const folded = fold(text);
  const out: Omit<Target, 'id'>[] = [];
  for (const tc of targetCells(block, lx)) {
    const cf = folded.slice(tc.cell.start, tc.cell.end);
    const subjectText = text.slice(tc.subject.start, tc.subject.end);
    const unitCell = tc.unit ? scanValues(`1${fold(tc.unit)}`, `1${tc.unit}`, lx)[0] : undefined;
    for (const found of scanValues(cf, text.slice(tc.cell.start, tc.cell.end), lx).filter((v) => !v.qualifier).slice(0, 1)) {
      // A bare number takes the unit column's unit ("%" beside "95").
      const value: RawValue = found.unit == null && unitCell?.unit
        ? { ...found, unit: unitCell.unit, unitKind: unitCell.unitKind }
        : found.unit == null && tc.unit ? { ...found, unit: tc.unit } : found;
      const cls = classify(`${fold(subjectText)} ${cf}`, value.unitKind, reader.taxonomy);
      const year = pickYear(yearsIn(cf)) ?? tc.year ?? heading.year;
      const past = year?.kind === 'bare' && reader.pastUpTo != null && year.year <= reader.pastUpTo;
      out.push({
        plan: plan.id,
        locality: plan.locality,
        level: plan.level,
        summary: plan.summary ?? false,
        ...indicatorFor(cls, subjectText, '', value, reader),
        year: year?.year ?? null,
        periodStart: year?.periodStart ?? null,
        comparator: comparatorFor(value, readChain(cf.slice(0, value.start), lx)),
        value: value.value,
        valueMax: value.valueMax,
        unit: value.unit,
        unitKind: value.unitKind,
        quote: text.slice(tc.subject.start, tc.cell.end),
        quoteStart: tc.subject.start,
        quoteEnd: tc.cell.end,
        url: planAnchorUrl(plan.id, block.id),
        kind: past || tc.baseline || heading.baselineSection ? 'baseline' : 'target',
        blockId: block.id,
        start: tc.cell.start,
        end: tc.cell.end,
        valueStart: tc.cell.start + value.start,
        valueEnd: tc.cell.start + value.end,
      });
    }
  }
  return out;
}

function blockTargets(block: Block, heading: HeadingContext, reader: Reader): Omit<Target, 'id'>[] {
  const { plan, pastUpTo, lx, taxonomy } = reader;
  const text = block.text;
  const folded = fold(text);
  const out: Omit<Target, 'id'>[] = [];
  for (const sentence of sentences(text)) {
    const sentenceOut: Omit<Target, 'id'>[] = [];
    for (const clause of clauses(text, sentence)) {
      const cf = folded.slice(clause.start, clause.end);
      const co = text.slice(clause.start, clause.end);
      const found = findValues(cf, co, lx);
      let previousSubject = '';
      const clauseOut: Omit<Target, 'id'>[] = [];
      found.forEach((f, i) => {
        const left = i === 0 ? 0 : splitGap(cf, found[i - 1]!.value.end, f.chain.start, lx).rightStart;
        const right = i === found.length - 1 ? cf.length : splitGap(cf, f.value.end, found[i + 1]!.chain.start, lx).leftEnd;
        const before = cf.slice(left, f.chain.start);
        const valueText = cf.slice(f.chain.start, f.value.end);
        const after = cf.slice(f.value.end, Math.max(f.value.end, right));
        const contextText = `${before}${valueText}${after}`;
        let cls = classify(contextText, f.value.unitKind, taxonomy);
        if (!cls && /^\W*trong do/u.test(before)) {
          const inherited = classify(`${previousSubject} ${contextText}`, f.value.unitKind, taxonomy);
          // Matched only thanks to the inherited words: keep it, but it lies outside this clause.
          cls = inherited && { ...inherited, start: 0, end: 0 };
        }
        if (!cls && i < found.length - 1 && lx.weakSubject.test(before)) {
          // Values listed before one predicate ("80% người dân và 70% doanh nghiệp sử dụng chữ ký số"):
          // the words after the last value say what each is.
          const shared = classify(`${contextText} ${cf.slice(found[found.length - 1]!.value.end)}`, f.value.unitKind, taxonomy);
          cls = shared && { ...shared, start: 0, end: 0 };
        }
        previousSubject = before;

        // The phrase to mark: subject words + value. Value-first wording ("Có 80% người
        // dân ...") and ranks carry their subject after the value.
        const matchStart = cls ? left + cls.start : -1;
        const matchEnd = cls ? left + cls.end : -1;
        const weak = lx.weakSubject.test(before);
        let phraseStart = weak ? f.chain.start : trimStart(cf, left, f.chain.start);
        // The quote is the clause, from the part that states this value when a long lead-in precedes it.
        let quoteFrom = 0;
        if (f.chain.start - phraseStart > LONG_SUBJECT) {
          // A long lead-in: mark from the last comma before the words that name the indicator.
          const anchor = cls && matchStart < f.chain.start && matchStart > phraseStart ? matchStart : f.chain.start;
          const comma = cf.lastIndexOf(',', anchor);
          if (comma >= phraseStart) phraseStart = trimStart(cf, comma + 1, f.chain.start);
          // Only when the taxonomy's words for it lie after the cut: otherwise the subject may be in the lead-in.
          if (anchor === matchStart && comma >= 0) quoteFrom = phraseStart;
        }
        let phraseEnd = f.value.end;
        if (cls && matchEnd > f.value.end) phraseEnd = trimEnd(cf, f.value.end, matchEnd);
        else if (weak || f.value.rank) {
          const comma = cf.indexOf(',', f.value.end);
          phraseEnd = trimEnd(cf, f.value.end, comma >= 0 && comma < right ? comma : Math.max(f.value.end, right));
        }
        phraseEnd = closeQuotes(co, phraseStart, phraseEnd);
        // "Mỗi năm có ≥ 1 sáng kiến": a count per year.
        const perYear = f.value.unitKind === 'count' && f.value.unit != null && lx.perYearBefore.test(before + valueText);

        const year = yearFor(cf.slice(left, Math.max(f.value.end, right)), cf.slice(Math.max(f.value.end, right)), folded.slice(sentence.start, clause.start + left), heading);
        // A bare "năm 2024" is the past only if the plan shows that year has come.
        const past = year?.kind === 'bare' && pastUpTo != null && year.year <= pastUpTo;
        clauseOut.push({
          plan: plan.id,
          locality: plan.locality,
          level: plan.level,
          summary: plan.summary ?? false,
          ...indicatorFor(cls, weak ? '' : co.slice(phraseStart, f.chain.start), co.slice(f.value.end, Math.max(f.value.end, right)), f.value, reader),
          year: year?.year ?? null,
          periodStart: year?.periodStart ?? null,
          comparator: comparatorFor(f.value, f.chain),
          value: f.value.value,
          valueMax: f.value.valueMax,
          unit: perYear ? `${f.value.unit}/năm` : (f.value.unit ?? cls?.indicator.unit ?? null),
          unitKind: f.value.unitKind,
          quote: text.slice(clause.start + quoteFrom, clause.end),
          quoteStart: clause.start + quoteFrom,
          quoteEnd: clause.end,
          url: planAnchorUrl(plan.id, block.id),
          kind: past || heading.baselineSection ? 'baseline' : 'target',
          blockId: block.id,
          start: clause.start + phraseStart,
          end: clause.start + phraseEnd,
          valueStart: clause.start + f.value.start,
          valueEnd: clause.start + f.value.end,
        });
      });
      sentenceOut.push(...clauseOut);
    }
    out.push(...shareRankSubjects(sentenceOut));
  }
  return out;
}

/**
 * Ranks listed together in a sentence share their subject: in "thuộc nhóm 3 nước dẫn đầu
 * Đông Nam Á, nhóm 50 nước đứng đầu thế giới về năng lực cạnh tranh số" both ranks are
 * about digital competitiveness (the words after the last one, else before the first).
 */
function shareRankSubjects(targets: Omit<Target, 'id'>[]): Omit<Target, 'id'>[] {
  return targets.map((t, i) => {
    if (!t.derived || t.unitKind !== 'rank') return t;
    const named = (u: Omit<Target, 'id'>) => u.unitKind === 'rank' && u.unit === t.unit && !u.derived;
    const other = targets.slice(i + 1).find(named) ?? targets.slice(0, i).reverse().find(named);
    return other ? { ...t, indicator: other.indicator, derived: false } : t;
  });
}

/**
 * Own words first, then the first target year later in the clause ("nhóm 4 nước … và nhóm
 * 60 nước … vào năm 2028": both for 2028), then earlier words of the sentence (target
 * years only), then headings.
 */
function yearFor(ownFolded: string, clauseRest: string, sentencePrefix: string, heading: { year: YearRef | null }): YearRef | null {
  const own = pickYear(yearsIn(ownFolded));
  if (own) return own;
  const later = yearsIn(clauseRest).find((r) => r.kind !== 'bare');
  if (later) return later;
  const prefix = yearsIn(sentencePrefix).filter((r) => r.kind !== 'bare');
  return prefix[prefix.length - 1] ?? heading.year;
}

export type { Range };
