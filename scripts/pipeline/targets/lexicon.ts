// The word lists of content/targets/lexicon.json, folded and compiled once.

import raw from '../../../content/targets/lexicon.json' with { type: 'json' };
import { z } from 'zod';
import { comparatorSchema, unitKindSchema as kind } from '../../contract/schemas/targets.ts';
import { fold, foldPattern } from './fold.ts';
import type { Comparator, UnitKind } from './types.ts';

/** A comparator written before the value ("trên", "tối thiểu"); a range is read from its separator. */
const prefixComparator = comparatorSchema.exclude(['range']);
const unitEntry = z.object({ pattern: z.string(), unit: z.string(), kind });
const schema = z.object({
  comparators: z.array(z.object({ comparator: prefixComparator, words: z.array(z.string()) })),
  postfixComparators: z.array(z.object({ comparator: comparatorSchema.extract(['>=', '<=']), words: z.array(z.string()) })),
  rangeSeparators: z.array(z.string()),
  percentUnits: z.array(unitEntry),
  perPopulationUnits: z.array(unitEntry),
  qualifierUnits: z.array(z.string()),
  qualifierBefore: z.array(z.string()),
  qualifierLevel: z.object({ before: z.string(), after: z.string() }),
  timeUnits: z.array(z.string()),
  countNouns: z.array(z.string()),
  perYearBefore: z.array(z.string()),
  rank: z.object({
    groupWords: z.array(z.string()),
    positionWords: z.array(z.string()),
    scopes: z.array(z.object({ nouns: z.array(z.string()), unit: z.string() })),
  }),
  implicit: z.array(
    z.object({ pattern: z.string(), value: z.number(), unit: z.string(), kind, comparator: prefixComparator, why: z.string() }),
  ),
  weakSubjectWords: z.array(z.string()),
  baselineHeadingWords: z.array(z.string()),
  futureYearPrefixes: z.array(z.string()),
  populations: z.object({ groups: z.array(z.object({ id: z.string(), words: z.array(z.string()) })) }).passthrough(),
  tableColumns: z.object({ subject: z.array(z.string()), unit: z.array(z.string()), value: z.array(z.string()) }).passthrough(),
}).passthrough();

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** Folded alternation of literal words, longest first, spaces matching any whitespace. */
export function alternation(words: string[]): string {
  return [...new Set(words.map(fold))]
    .sort((a, b) => b.length - a.length)
    .map((w) => escape(w).replace(/ /g, '\\s+'))
    .join('|');
}

export interface CompiledLexicon {
  comparatorOf: Map<string, Comparator>;
  /** Matches a run of comparator words at the end of a folded string. */
  chainAtEnd: RegExp;
  comparatorWord: RegExp;
  postfix: { comparator: Comparator; regex: RegExp }[];
  rangeSeparator: RegExp;
  units: { regex: RegExp; unit: string; kind: UnitKind }[];
  qualifierUnit: RegExp;
  qualifierBefore: RegExp;
  qualifierLevelBefore: RegExp;
  qualifierLevelAfter: RegExp;
  timeUnit: RegExp;
  countNoun: RegExp;
  perYearBefore: RegExp;
  rankGroupBefore: RegExp;
  rankPositionBefore: RegExp;
  rankScopes: { regex: RegExp; unit: string }[];
  implicit: { regex: RegExp; value: number; unit: string; kind: UnitKind; comparator: Comparator }[];
  weakSubject: RegExp;
  baselineHeading: RegExp;
  /** Words naming who is measured, longest first; `group` of each match is the group's id. */
  population: { regex: RegExp; groupOf: Map<string, string> };
  /** Table column headers, matched at the start of a folded header cell. */
  column: { subject: RegExp; unit: RegExp; value: RegExp };
}

let compiled: CompiledLexicon | null = null;

export function lexicon(): CompiledLexicon {
  if (compiled) return compiled;
  const lx = schema.parse(raw);
  const comparatorOf = new Map<string, Comparator>();
  for (const c of lx.comparators) for (const w of c.words) comparatorOf.set(fold(w), c.comparator);
  const words = alternation(lx.comparators.flatMap((c) => c.words));
  const B = '(?<![\\p{L}\\p{N}])'; // word start
  const E = '(?![\\p{L}\\p{N}])'; // word end
  compiled = {
    comparatorOf,
    chainAtEnd: new RegExp(`(?:(?:${words})${E}[\\s:,]*|[≥≤<>]=?\\s*)+$`, 'u'),
    comparatorWord: new RegExp(`${B}(?:${words})${E}|[≥≤<>]=?`, 'gu'),
    postfix: lx.postfixComparators.map((p) => ({ comparator: p.comparator, regex: new RegExp(`^\\s*(?:${alternation(p.words)})${E}`, 'u') })),
    rangeSeparator: new RegExp(`^\\s*(?:${alternation(lx.rangeSeparators)})\\s*`, 'u'),
    units: [...lx.percentUnits, ...lx.perPopulationUnits].map((u) => ({
      regex: new RegExp(`^\\s*(?:${foldPattern(u.pattern)})`, 'u'),
      unit: u.unit,
      kind: u.kind,
    })),
    qualifierUnit: new RegExp(`^\\s*(?:${alternation(lx.qualifierUnits)})`, 'u'),
    qualifierBefore: new RegExp(`${B}(?:${alternation(lx.qualifierBefore)})\\s*$`, 'u'),
    qualifierLevelBefore: new RegExp(`${B}${alternation([lx.qualifierLevel.before])}\\s*$`, 'u'),
    qualifierLevelAfter: new RegExp(`^\\s*${alternation([lx.qualifierLevel.after])}${E}`, 'u'),
    timeUnit: new RegExp(`^\\s*(?:${alternation(lx.timeUnits)})${E}`, 'u'),
    countNoun: new RegExp(`^\\s*(${alternation(lx.countNouns)})${E}`, 'u'),
    perYearBefore: new RegExp(`${B}(?:${alternation(lx.perYearBefore)})${E}`, 'u'),
    rankGroupBefore: new RegExp(`${B}(?:${alternation(lx.rank.groupWords)})\\s*$`, 'u'),
    rankPositionBefore: new RegExp(`${B}(?:${alternation(lx.rank.positionWords)})\\s*$`, 'u'),
    rankScopes: lx.rank.scopes.map((s) => ({ regex: new RegExp(`^\\s*(?:${alternation(s.nouns)})${E}`, 'u'), unit: s.unit })),
    implicit: lx.implicit.map((i) => ({
      regex: new RegExp(foldPattern(i.pattern), 'gu'),
      value: i.value,
      unit: i.unit,
      kind: i.kind,
      comparator: i.comparator,
    })),
    weakSubject: new RegExp(`^(?:[\\s,;:.()\\-–]|${B}(?:${alternation(lx.weakSubjectWords)})${E})*$`, 'u'),
    baselineHeading: new RegExp(`${B}(?:${alternation(lx.baselineHeadingWords)})${E}`, 'u'),
    population: {
      regex: new RegExp(`${B}(?:${alternation(lx.populations.groups.flatMap((g) => g.words))})${E}`, 'gu'),
      groupOf: new Map(lx.populations.groups.flatMap((g) => g.words.map((w) => [fold(w).replace(/\s+/g, ' '), g.id] as const))),
    },
    column: {
      subject: new RegExp(`^\\W*(?:${alternation(lx.tableColumns.subject)})${E}`, 'u'),
      unit: new RegExp(`^\\W*(?:${alternation(lx.tableColumns.unit)})${E}`, 'u'),
      value: new RegExp(`^\\W*(?:${alternation(lx.tableColumns.value)})${E}`, 'u'),
    },
  };
  return compiled;
}
