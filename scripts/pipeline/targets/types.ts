// Shapes of the targets stage. The data it publishes (targets, indicators) is defined once in
// scripts/contract/schemas/targets.ts; its types are re-exported here.

import type { Level } from '../../contract/levels.ts';
import type { Block } from '../types.ts';

export type { Comparator, Indicator, Target, Taxonomy, UnitKind } from '../../contract/schemas/targets.ts';

export interface PlanInput {
  id: string;
  locality: string | null;
  level: Level | null;
  /** The text is a summary of a plan (metadata.summary). */
  summary?: boolean;
  blocks: Block[];
  /** ISO date of issue when known: years up to it are the past (baselines). */
  date?: string | null;
}
