// Shapes of the targets stage. `Target` carries the public open-data fields (names
// fixed by issue 4) plus where the phrase sits in its block.

import type { Block } from '../types.ts';

export type Comparator = '>' | '>=' | '=' | '<' | '<=' | 'range';

/** What kind of quantity a value is; decides which indicators it can belong to. */
export type UnitKind = 'percent' | 'percentPerYear' | 'per10k' | 'count' | 'index' | 'rank';

export interface Target {
  /** Stable id: `<plan>:<blockId>:<n>` (n counts targets in the block). */
  id: string;
  plan: string;
  locality: string | null;
  level: string | null;
  /** From a portal or press summary of a plan, not from the plan itself. */
  summary: boolean;
  /** Indicator id: from the taxonomy, or derived from the target's own subject words (see `derived`). */
  indicator: string;
  /** The indicator was derived from the subject words (derive.ts), not found in the taxonomy. */
  derived: boolean;
  year: number | null;
  periodStart: number | null;
  comparator: Comparator;
  value: number;
  valueMax: number | null;
  unit: string | null;
  unitKind: UnitKind;
  /** The clause stating the target, verbatim from Block.text (for a table: its row, from the subject cell to the value cell). */
  quote: string;
  /** [start, end) of the quote in Block.text. */
  quoteStart: number;
  quoteEnd: number;
  /** Set on a national reference's facts (content/national/): the quote is the library's paraphrase, the text is not held. */
  paraphrase?: true;
  url: string;
  kind: 'target' | 'baseline';
  blockId: string;
  /** [start, end) of the target phrase (subject + value) in Block.text. */
  start: number;
  end: number;
  /** [start, end) of the number(s) and unit in Block.text. */
  valueStart: number;
  valueEnd: number;
}

export interface PlanInput {
  id: string;
  locality: string | null;
  level: string | null;
  /** The text is a summary of a plan (metadata.summary). */
  summary?: boolean;
  blocks: Block[];
  /** ISO date of issue when known: years up to it are the past (baselines). */
  date?: string | null;
}

export interface Indicator {
  id: string;
  name: string;
  /** Short name for chart axes and matrix columns. */
  short: string;
  definition: string;
  unit: string;
  unitKind: UnitKind;
  theme: string;
  /** Shown on the overview matrix of key 2030 indicators. */
  key: boolean;
  /** false when a smaller value is the more ambitious one (ranks). */
  higherIsBetter: boolean;
  /** Regular expressions (written with diacritics) that name the concept. */
  phrasings: string[];
  /** Who is measured, when only one group ("can-bo", "doanh-nghiep"; lexicon.json `populations`). */
  population?: string;
  /** Derived from a target's own subject words (derive.ts), not in the taxonomy file. */
  derived?: boolean;
}

export interface Taxonomy {
  indicators: Indicator[];
}
