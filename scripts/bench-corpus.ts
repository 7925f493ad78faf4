// `npm run bench:corpus [-- --verbose] [-- --corpus DIR]`: runs the pipeline over the seeds plus the
// real documents of ../shared/corpus/ (read in place, copied only into a temporary folder) exactly as
// the build does (seeds → plans.json and targets.json), then scores the published data against the
// corpus's hand-read labels.json (definitions in scripts/bench/corpus-score.ts) and prints one row
// per document and the totals. --verbose also lists the labelled targets missed and the records that
// match no label, for a reviewer to read against the text.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSeeds } from './build/seeds.ts';
import { sharedCorpusDir } from './shared-folder.ts';
import { buildLibrary } from './build/library.ts';
import { generateSiteData } from './build/site-data.ts';
import { LabelsSchema, scoreCorpus, totals, type PublishedPlan, type PublishedTarget } from './bench/corpus-score.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const corpusArg = args.indexOf('--corpus');
const corpusDir = corpusArg >= 0 ? resolve(args[corpusArg + 1] ?? '') : sharedCorpusDir;

if (!existsSync(join(corpusDir, 'labels.json'))) {
  console.error(`no labels.json in ${corpusDir}: nothing to score (run with ../shared beside the project, or --corpus DIR)`);
  process.exit(1);
}
const labels = LabelsSchema.parse(JSON.parse(readFileSync(join(corpusDir, 'labels.json'), 'utf8')));

const work = mkdtempSync(join(tmpdir(), 'bench-corpus-'));
let published: { plans: PublishedPlan[]; targets: PublishedTarget[] };
const started = performance.now();
try {
  cpSync(join(root, 'seeds'), work, { recursive: true });
  for (const name of readdirSync(corpusDir).filter((n) => n.endsWith('.txt'))) cpSync(join(corpusDir, name), join(work, 'corpus', name));
  const generated = generateSiteData(buildLibrary(readSeeds(work)));
  published = {
    plans: JSON.parse(generated.files.get('plans.json') ?? '[]'),
    targets: JSON.parse(generated.files.get('targets.json') ?? '[]'),
  };
} finally {
  rmSync(work, { recursive: true, force: true });
}
const ms = performance.now() - started;

const scores = scoreCorpus(labels, published.plans, published.targets);
const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toLocaleString('vi-VN', { maximumFractionDigits: 0 })}%`);
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;

console.log(`pipeline over ${published.plans.length} documents (seeds + corpus) in ${Math.round(ms)} ms\n`);
console.log(row(['document', 'plan id', 'metadata right', 'targets found', 'precision', 'classified', 'comparator right']));
console.log(row(['---', '---', '---', '---', '---', '---', '---']));
for (const s of scores) {
  const right = s.fields.filter((f) => f.right).length;
  console.log(
    row([
      s.file,
      s.planId ?? '(not published)',
      `${right}/${s.fields.length}`,
      `${s.found}/${s.labelled}`,
      `${s.matchingRecords}/${s.records}`,
      `${s.classified}/${s.found}`,
      `${s.comparatorRight}/${s.found}`,
    ]),
  );
}
const t = totals(scores);
console.log(
  row([
    '**total**',
    '',
    `${t.fieldsRight}/${t.fields} (${pct(t.fieldsRight, t.fields)})`,
    `${t.found}/${t.labelled} (${pct(t.found, t.labelled)})`,
    `${t.matchingRecords}/${t.records} (${pct(t.matchingRecords, t.records)})`,
    `${t.classified}/${t.found} (${pct(t.classified, t.found)})`,
    `${t.comparatorRight}/${t.found} (${pct(t.comparatorRight, t.found)})`,
  ]),
);

console.log('\nmetadata fields not right:');
for (const s of scores) for (const f of s.fields.filter((f) => !f.right)) console.log(`  ${s.file} ${f.field}: got ${JSON.stringify(f.got)}, want ${JSON.stringify(f.expected)}`);

// The same concept should land on one indicator in every document (and on the seeds' one).
const concepts = new Map<string, Set<string | null>>();
for (const s of scores) for (const [c, set] of s.concepts) concepts.set(c, new Set([...(concepts.get(c) ?? []), ...set]));
console.log('\nconcept → indicator (found targets):');
for (const [c, set] of [...concepts].sort(([a], [b]) => a.localeCompare(b))) {
  const list = [...set].map((i) => i ?? 'null');
  console.log(`  ${c} → ${list.join(', ')}${set.size > 1 ? '   ← more than one' : ''}`);
}

if (verbose) {
  for (const s of scores) {
    if (s.missed.length === 0 && s.unmatched.length === 0) continue;
    console.log(`\n${s.file}`);
    for (const m of s.missed) console.log(`  missed: ${m.cmp} ${m.value} ${m.years.join('/')} [${m.concept}] «${m.quote.replace(/\s+/g, ' ').slice(0, 110)}»`);
    for (const u of s.unmatched) console.log(`  extra:  ${u.comparator} ${u.value} ${u.year ?? '—'} [${u.indicator ?? 'null'}] «${u.quote.replace(/\s+/g, ' ').slice(0, 110)}»`);
  }
}
