// What a seed file is, by its first bytes (never by its name): a PDF, RTF, Word,
// ZIP or HTML file saved as ".txt" is not a plan, even when its bytes are ASCII.
// The signatures and the advice given are data: content/input/file-types.json.
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const fileTypeSchema = z.strictObject({
  name: z.string(),
  bytes: z.string().regex(/^(?:[0-9a-f]{2})+$/).optional(),
  starts: z.array(z.string().min(1)).optional(),
  ignoreCase: z.boolean().optional(),
  advice: z.string(),
});
const fileTypesSchema = z.object({ $comment: z.string().optional(), types: z.array(fileTypeSchema) });

export type FileType = z.infer<typeof fileTypeSchema>;

let cached: FileType[] | null = null;
function fileTypes(): FileType[] {
  cached ??= fileTypesSchema.parse(JSON.parse(readFileSync(new URL('../../content/input/file-types.json', import.meta.url), 'utf8'))).types;
  return cached;
}

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** The kind of non-plan file these bytes are, or null for anything else (plain text, or unknown binary). */
export function sniffFileType(bytes: Uint8Array): FileType | null {
  const head = bytes.subarray(0, 512);
  const headHex = hex(head.subarray(0, 16));
  // The textual signatures may follow a UTF-8 byte-order mark and blank space.
  const headText = new TextDecoder('latin1').decode(head).replace(/^\u00ef\u00bb\u00bf/, '').trimStart();
  return (
    fileTypes().find((t) => {
      if (t.bytes && headHex.startsWith(t.bytes)) return true;
      const text = t.ignoreCase ? headText.toLowerCase() : headText;
      return (t.starts ?? []).some((s) => text.startsWith(t.ignoreCase ? s.toLowerCase() : s));
    }) ?? null
  );
}

/** "is a PDF document, not a plain-text plan: open it and …". */
export function describeFileType(type: FileType): string {
  return `is ${type.name}, not a plain-text plan: ${type.advice}`;
}
