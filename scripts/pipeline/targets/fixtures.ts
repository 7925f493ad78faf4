// Test-only: turns a seed file into Block[] the way the shared parser does in outline
// (blank-line paragraphs, "- " items, numbered headings), so extraction can be tested
// on real text. Not used by the pipeline.

import { readFileSync } from 'node:fs';
import type { Block } from '../types.ts';
import type { PlanInput } from './types.ts';

const HEADING: [RegExp, number][] = [
  [/^[IVXLC]+[.\-–]\s*/, 1],
  [/^\d+\.\d+\.\s+/, 3],
  [/^\d+[.\-]\s+/, 2],
  [/^[a-zđ]\)\s+/, 4],
];

/** Strips Markdown markers the seeds carry (**bold**, *em*, backslash escapes). */
export function plain(line: string): string {
  return line.replace(/\\([-.&*_#\\])/g, '$1').replace(/\*+/g, '').replace(/^#+\s*/, '').trim();
}

export function blocksOf(source: string): Block[] {
  const blocks: Block[] = [];
  const paragraphs = source.normalize('NFC').split(/\n\s*\n/);
  let line = 1;
  for (const para of paragraphs) {
    const lines = para.split('\n').map(plain).filter((l) => l !== '');
    // Lines that start with "-" are items of their own; other lines join the previous one.
    const units: string[] = [];
    for (const l of lines) {
      if (/^[-–]\s*/.test(l) || units.length === 0) units.push(l);
      else units[units.length - 1] += ` ${l}`;
    }
    for (const u of units) {
      const isItem = /^[-–]\s*/.test(u);
      const text = u.replace(/^[-–]\s*/, '');
      const heading = !isItem && text.length < 400 ? HEADING.find(([re]) => re.test(text)) : undefined;
      const label = heading ? (text.match(heading[0])![0].trim()) : null;
      const isHeading = heading != null && (heading[1] !== 2 || text.length < 250) && !/[.;]$/.test(text);
      blocks.push({
        id: `d${blocks.length + 1}`,
        kind: isHeading ? 'heading' : isItem ? 'item' : 'paragraph',
        depth: isHeading ? heading![1] : 0,
        label: isHeading ? label : null,
        text,
        emphasis: [],
        line,
        part: 'body',
      });
    }
    line += para.split('\n').length + 1;
  }
  return blocks;
}

export function seedPlan(path: string, id: string, locality: string | null, level: string | null, date: string | null = null): PlanInput {
  return { id, locality, level, date, blocks: blocksOf(readFileSync(path, 'utf8')) };
}
