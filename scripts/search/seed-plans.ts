// STAND-IN until the lead's pipeline lands on main: a rough Plan from a seed,
// split on blank lines, with metadata guessed by a few generic patterns.
// Used only by the search experiments, the scale bench and the standalone build;
// the real build passes the pipeline's Plan objects to buildSearchIndex.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Block, Level, Plan, SourcedValue } from '../pipeline/types.ts';

const known = <T,>(value: T | null): SourcedValue<T> => ({ value, source: value == null ? null : 'text' });

function mostFrequent(text: string, re: RegExp): string | null {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(re)) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

const LEVELS: [RegExp, Level][] = [
  [/đảng ủy xã|đảng uỷ xã/i, 'xã'],
  [/ban thường vụ thành ủy|ban thường vụ thành uỷ/i, 'thành phố'],
  [/ban thường vụ tỉnh ủy|ban thường vụ tỉnh uỷ/i, 'tỉnh'],
];

export function seedToPlan(file: string, raw: string): Plan {
  const text = raw.normalize('NFC');
  const paras = text.split(/\n\s*\n/).map((p) => p.replace(/[*]+/g, '').replace(/\s+/g, ' ').trim()).filter(Boolean);
  const blocks: Block[] = paras.map((p, i) => {
    const heading = p.length < 120 && /^([IVX]+[.-]|\d+(\.\d+)*\.)\s/.test(p);
    return { id: `d${i + 1}`, kind: heading ? 'heading' : 'paragraph', depth: heading ? 1 : 0, label: null, text: p, emphasis: [], line: 0, part: 'body' };
  });
  const head = paras.slice(0, 12).join(' ');
  const name = String.raw`((?:\p{Lu}\p{Ll}+)(?: \p{Lu}\p{Ll}+){0,2})`;
  const locality = mostFrequent(text, new RegExp(String.raw`(?:tỉnh|thành phố|xã) ${name}`, 'gu'));
  const level = LEVELS.find(([re]) => re.test(text))?.[1] ?? null;
  const typeMatch = /(KẾ HOẠCH HÀNH ĐỘNG|CHƯƠNG TRÌNH HÀNH ĐỘNG|KẾ HOẠCH|CHƯƠNG TRÌNH)/.exec(head);
  const type = typeMatch ? typeMatch[1]!.charAt(0) + typeMatch[1]!.slice(1).toLowerCase() : null;
  const date = /ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})/.exec(head);
  const number = /Số:? ?(\d+) ?- ?([\p{Lu}/]+)/u.exec(head);
  return {
    id: basename(file, '.txt').replace(/_.*/, ''),
    sourceFile: basename(file),
    sourceSha256: createHash('sha256').update(raw).digest('hex'),
    metadata: {
      type: known(type === 'Chương trình' ? 'Chương trình hành động' : type),
      number: known(number ? `${number[1]}-${number[2]}` : null),
      date: known(date ? `${date[3]}-${date[2]!.padStart(2, '0')}-${date[1]!.padStart(2, '0')}` : null),
      place: known<string>(null),
      issuer: known<string>(null),
      locality: known(locality),
      level: known(level),
      signer: known<string>(null),
      signerCapacity: known<string>(null),
      title: known<string>(null),
      recipients: [],
      footnotes: [],
    },
    blocks,
    outline: [],
    references: [],
    implements: [],
  };
}

export function loadSeedPlans(dir = 'seeds'): Plan[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => seedToPlan(f, readFileSync(join(dir, f), 'utf8')));
}
