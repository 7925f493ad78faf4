// What the build writes to content/generated/ (or the folder CONTENT_GENERATED names), file by
// file, with the schema of what each holds. The site loads the collections from here
// (src/content.config.ts) and the build checks every file against it before Astro reads them,
// so a wrong shape stops the build naming the file, the entry and the field.
import { z } from 'zod';
import {
  comparison,
  documentEntrySchema,
  findingEntrySchema,
  indicatorListSchema,
  nationalPageSchema,
  planEntrySchema,
  provinceEntrySchema,
  reuseData,
  targetSchema,
  versusNationalSchema,
} from './schemas/index.ts';

/** The JSON files that are content collections: an array of entries, each with its `id`. */
export const COLLECTION_FILES = {
  plans: { file: 'plans.json', entry: planEntrySchema },
  documents: { file: 'documents.json', entry: documentEntrySchema },
  targets: { file: 'targets.json', entry: targetSchema },
  findings: { file: 'findings.json', entry: findingEntrySchema },
  national: { file: 'national.json', entry: nationalPageSchema },
  provinces: { file: 'provinces.json', entry: provinceEntrySchema },
} as const;

/** Each target's standing against the national target (target id → direction), looked up by the pages. */
export const VERSUS_NATIONAL_FILE = 'versus-national.json';

/** The comparison pages' paragraphs and word differences, computed by the pipeline. */
export const COMPARISONS_FILE = 'comparisons.json';

/** The folder of each plan's text, and what its MDX front matter holds. */
export const PLAN_TEXTS = { folder: 'plans', frontmatter: z.object({ planId: z.string() }) } as const;

/** Every JSON file of the folder and the schema of its whole content. */
export const GENERATED_JSON: Record<string, z.ZodType> = {
  ...Object.fromEntries(Object.values(COLLECTION_FILES).map(({ file, entry }) => [file, z.array(entry)])),
  'reuse.json': reuseData,
  /** The rows of every comparison page (pipeline/reuse/comparison.ts), read beside reuse.json. */
  [COMPARISONS_FILE]: z.array(comparison),
  [VERSUS_NATIONAL_FILE]: versusNationalSchema,
  /** The indicators derived from subject words in this build (pipeline/targets/derive.ts). */
  'indicators-derived.json': indicatorListSchema,
};

/** "[3].metadata.level.value" → "entry 3 (id "dong-thap"), metadata.level.value". */
function where(path: PropertyKey[], data: unknown): string {
  if (path.length === 0) return '(the whole file)';
  const [first, ...rest] = path;
  const field = rest.map(String).join('.');
  if (typeof first !== 'number' || !Array.isArray(data)) return path.map(String).join('.');
  const id = (data[first] as { id?: unknown } | undefined)?.id;
  return `entry ${first}${typeof id === 'string' ? ` (id "${id}")` : ''}${field ? `, ${field}` : ''}`;
}

/**
 * Checks each generated JSON file against its schema; throws one error listing every file that
 * breaks it (file, entry, field, what is wrong). A JSON file the contract does not know stops the
 * build too: nothing is published unchecked.
 */
export function checkGeneratedFiles(files: Map<string, string>): void {
  const problems: string[] = [];
  for (const [name, text] of files) {
    if (!name.endsWith('.json')) continue;
    const schema = GENERATED_JSON[name];
    if (!schema) {
      problems.push(`${name}: no schema in scripts/contract/generated.ts says what this file holds`);
      continue;
    }
    const data: unknown = JSON.parse(text);
    const result = schema.safeParse(data);
    if (result.success) continue;
    for (const issue of result.error.issues.slice(0, 10)) problems.push(`${name}: ${where(issue.path, data)}: ${issue.message}`);
    if (result.error.issues.length > 10) problems.push(`${name}: … and ${result.error.issues.length - 10} more`);
  }
  if (problems.length) throw new Error(`the generated data does not match its schema (scripts/contract/schemas/):\n${problems.join('\n')}`);
}
