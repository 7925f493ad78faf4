// The words a document's header, preamble and signature are made of
// (content/taxonomy/document-header.json), checked by a schema and loaded once.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { levelSchema as level } from '../contract/schemas/document.ts';
import type { Level } from './types.ts';

const comment = z.string().optional();
const withoutComment = <T extends z.ZodRawShape>(shape: T) => z.object({ $comment: comment, ...shape });

export const bodySchema = z.object({
  name: z.string().min(1),
  abbreviations: z.array(z.string().min(1)).optional(),
  /**
   * national: a central body (the document is national); ministry: "Bộ <name>"; steering: "Ban Chỉ đạo <topic> <unit> <name>";
   * unit: "<body> <unit> <name>" (Ủy ban nhân dân tỉnh X); committee: a party committee whose level is fixed (Tỉnh ủy X);
   * agency: the party committee of an agency ("Đảng ủy các cơ quan Đảng tỉnh"); department: a local department ("Sở Khoa học và Công nghệ")
   * whose place is the line above it; parent: names the place above the issuer (Đảng bộ thành phố Hải Phòng).
   */
  role: z.enum(['national', 'ministry', 'steering', 'unit', 'committee', 'agency', 'department', 'parent']),
  level: level.optional(),
});

export const headerVocabularySchema = z.object({
  $comment: comment,
  units: z.record(z.string(), z.union([level, z.string()])).transform((r) =>
    Object.fromEntries(Object.entries(r).filter(([k]) => k !== '$comment')) as Record<string, Level>,
  ),
  bodies: z.array(bodySchema).min(1),
  partyStanding: z.string().min(1),
  nationalLocality: z.string().min(1),
  mottoLines: z.array(z.string().min(1)),
  numberLabels: z.array(z.string().min(1)).min(1),
  letter: withoutComment({ type: z.string().min(1), subjectMarkers: z.array(z.string().min(1)).min(1) }),
  dateWords: withoutComment({ day: z.string(), month: z.string(), year: z.string() }),
  signature: withoutComment({
    recipientsHeading: z.string().min(1),
    prefixes: z.array(z.string().min(1)),
    titles: z.array(z.string().min(1)),
  }),
  portal: z.record(z.string(), z.string()).transform((r) =>
    Object.fromEntries(Object.entries(r).filter(([k]) => k !== '$comment')) as Record<string, 'number' | 'type' | 'issuer' | 'signer' | 'date'>,
  ),
  preambleVerbs: z.array(z.string().min(1)),
  summaryVerbs: z.array(z.string().min(1)),
  approvalVerbs: z.array(z.string().min(1)),
  localityPhrases: withoutComment({ before: z.array(z.string().min(1)) }),
});

export type HeaderVocabulary = z.infer<typeof headerVocabularySchema>;
export type Body = z.infer<typeof bodySchema>;

const file = new URL('../../content/taxonomy/document-header.json', import.meta.url);

export function loadHeaderVocabulary(): HeaderVocabulary {
  return headerVocabularySchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}
