// Test-only: the seed plans exactly as the build makes them (decode, normalize, parse,
// scan restoration, metadata: scripts/build/corpus-build.ts), so the targets tests
// assert what the site ships. Built once per test file.
import { buildCorpus, type Corpus } from '../../build/corpus-build.ts';
import { readSeeds } from '../../build/seeds.ts';
import type { PlanInput } from './types.ts';

let corpus: Corpus | null = null;
export function seedCorpus(): Corpus {
  corpus ??= buildCorpus(readSeeds('seeds'));
  return corpus;
}

/** The built plan of a seed file (path under seeds/), as the targets stage reads it; `id` renames it for readable tests. */
export function seedPlan(file: string, id?: string): PlanInput {
  const plan = seedCorpus().plans.find((p) => p.sourceFile === file);
  if (!plan) throw new Error(`no built plan for seeds/${file}`);
  const m = plan.metadata;
  return { id: id ?? plan.id, locality: m.locality.value, level: m.level.value, date: m.date.value, blocks: plan.blocks };
}
