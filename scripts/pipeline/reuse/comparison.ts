// A plan beside one of its sources, as the comparison page /so-sanh/<plan>/<source>/ shows it
// (issue 15): section by section, each paragraph with its word differences from its closest
// source paragraph. Made here from the texts so that the page only renders (the plans' text
// is not in the data pages read, issue 11).
import type { Block, Plan } from '../types.ts';
import type { Comparison, ComparisonRow, PlanReuse } from '../../contract/schemas/reuse.ts';
import { markAdded, wordChanges } from './align.ts';

/** One paragraph against `source`: copied or adapted (word differences) or its own. */
function row(block: Block, match: PlanReuse['paragraphs'][number]['matches'][string] | undefined, parentBlocks: Map<string, Block> | null): ComparisonRow {
  const cls = match?.class ?? 'own';
  const shown = match && cls !== 'own' ? { block: match.block, score: match.score } : null;
  // Against a plan of the library, an adapted paragraph is shown beside its source's; the
  // resolution's text is not published, so against it only the plan's words show.
  const from = shown && parentBlocks ? parentBlocks.get(shown.block) : undefined;
  if (cls === 'adapted' && from) return { block: block.id, class: cls, match: shown, changes: wordChanges(from.text, block.text), pair: true };
  return { block: block.id, class: cls, match: shown, changes: markAdded(block.text, cls === 'adapted' ? match?.added : undefined), pair: false };
}

/**
 * The comparison of `plan` with `source` (a plan id, or the resolution's key with `parent` null).
 * A new section starts at each heading of the highest level among the compared paragraphs.
 */
export function comparePlan(plan: Plan, reuse: PlanReuse, source: string, parent: Plan | null): Comparison {
  const blocks = new Map(plan.blocks.map((b) => [b.id, b]));
  const parentBlocks = parent ? new Map(parent.blocks.map((b) => [b.id, b])) : null;
  const compared = reuse.paragraphs.map((p) => ({ p, block: blocks.get(p.block)! }));
  const top = Math.min(...compared.filter(({ block }) => block.kind === 'heading').map(({ block }) => block.depth));
  const sections: Comparison['sections'] = [];
  for (const { p, block } of compared) {
    if (!sections.length || (block.kind === 'heading' && block.depth === top)) sections.push({ title: block.kind === 'heading' ? block.text : 'Mở đầu', rows: [] });
    sections.at(-1)!.rows.push(row(block, p.matches[source], parentBlocks));
  }
  return { plan: plan.id, source, sections };
}
