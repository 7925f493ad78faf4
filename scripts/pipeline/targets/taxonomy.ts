// Loads and validates the indicator taxonomy (content/indicators/indicators.json)
// and compiles its phrasings for matching on folded text.

import { z } from 'zod';
import raw from '../../../content/indicators/indicators.json' with { type: 'json' };
import lexiconFile from '../../../content/targets/lexicon.json' with { type: 'json' };
import { published } from '../../contract/json-schemas.ts';
import { indicatorSchema } from '../../contract/schemas/targets.ts';
import { foldPattern } from './fold.ts';
import type { Indicator, Taxonomy } from './types.ts';

/** An indicator of the taxonomy file: named by one phrasing at least, never derived, its population one of the lexicon's groups. */
const taxonomyIndicatorSchema = indicatorSchema
  .omit({ derived: true })
  .extend({
    phrasings: indicatorSchema.shape.phrasings.min(1),
    population: z.enum(lexiconFile.populations.groups.map((g) => g.id)).optional().describe(indicatorSchema.shape.population.description!),
  })
  .strict();

/** The taxonomy file's shape: its JSON Schema (content/indicators/indicators.schema.json, for editors) is made from it. */
export const taxonomyFileSchema = z.object({ $schema: z.string().optional(), indicators: z.array(taxonomyIndicatorSchema).min(1) });

/** JSON Schema of the taxonomy file, for editors (content/indicators/indicators.schema.json). */
export const taxonomyJsonSchema = () => published('indicators.schema.json', 'Danh mục chỉ tiêu', taxonomyFileSchema);

const taxonomySchema = taxonomyFileSchema
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    for (const [i, ind] of value.indicators.entries()) {
      if (seen.has(ind.id)) ctx.addIssue({ code: 'custom', path: ['indicators', i, 'id'], message: `duplicate id ${ind.id}` });
      seen.add(ind.id);
      for (const [j, p] of ind.phrasings.entries()) {
        try {
          new RegExp(foldPattern(p), 'u');
        } catch (e) {
          ctx.addIssue({ code: 'custom', path: ['indicators', i, 'phrasings', j], message: `invalid pattern: ${(e as Error).message}` });
        }
      }
    }
  });

/** Validates a parsed taxonomy file; throws with every problem listed. */
export function parseTaxonomy(data: unknown): Taxonomy {
  const parsed = taxonomySchema.safeParse(data);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `indicators.json ${i.path.join('.')}: ${i.message}`);
    throw new Error(lines.join('\n'));
  }
  return { indicators: parsed.data.indicators };
}

let cached: Taxonomy | null = null;
/** The project's taxonomy, validated once. */
export function loadTaxonomy(): Taxonomy {
  cached ??= parseTaxonomy(raw);
  return cached;
}

export interface CompiledPhrasing {
  indicator: Indicator;
  regex: RegExp;
  /** Letters the pattern requires: a longer literal phrase is a more specific match. */
  specificity: number;
}

/** Letters of a pattern outside wildcards and optional groups (a proxy for how specific it is). */
export function specificity(source: string): number {
  const literal = source
    .replace(/\\[pP]\{[^}]*\}|\\./g, '')
    .replace(/\[[^\]]*\]\{[^}]*\}|\[[^\]]*\][*+?]?/g, '')
    .replace(/\([^()]*\)\?/g, '')
    .replace(/\{[^}]*\}/g, '');
  const alternation = /\(([^()]*)\)/g;
  // Inside a group of alternatives only the shortest one is certain to be present.
  const reduced = literal.replace(alternation, (_m, inner: string) =>
    inner.split('|').reduce((a, b) => (b.length < a.length ? b : a)),
  );
  return (reduced.match(/\p{L}|\p{N}/gu) ?? []).length;
}

const compiledCache = new WeakMap<Taxonomy, CompiledPhrasing[]>();
export function compileTaxonomy(taxonomy: Taxonomy): CompiledPhrasing[] {
  let out = compiledCache.get(taxonomy);
  if (!out) {
    out = taxonomy.indicators.flatMap((indicator) =>
      indicator.phrasings.map((p) => ({
        indicator,
        regex: new RegExp(foldPattern(p), 'gu'),
        specificity: specificity(p),
      })),
    );
    compiledCache.set(taxonomy, out);
  }
  return out;
}
