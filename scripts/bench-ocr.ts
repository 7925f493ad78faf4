// OCR restoration benchmark (npm run bench:ocr).
// 1. Leave-one-out over the clean seeds: each clean plan is degraded with the
//    synthetic noise model (noise.ts), the restorer is trained on the OTHER plans
//    only (plus the degraded text itself as an unlabelled scan, as at build time),
//    and the restored text is scored against the clean original.
// 2. The real scan (found by damage score, not by name): trained on all clean
//    plans, scored on the hand-corrected sample in fixtures/seed002-sample.ts.
// Nothing here feeds back into the restorer's parameters.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { damageScore, DAMAGE_THRESHOLD } from './pipeline/ocr/detect.ts';
import { SEED002_SAMPLE } from './pipeline/ocr/fixtures/seed002-sample.ts';
import { degrade } from './pipeline/ocr/noise.ts';
import { toParagraphs } from './pipeline/normalize.ts';
import { trainRestorer } from './pipeline/ocr/restore.ts';
import { addScores, emptyScore, scoreParagraph, type Score } from './pipeline/ocr/score.ts';
import { sharedReferenceDir } from './shared-folder.ts';

const root = join(import.meta.dirname, '..');
const seedDir = join(root, 'seeds');
const withReference = process.argv.includes('--with-reference');
// The resolution's text is not in the repository: read in place from ../shared/reference/.
const referenceFile = join(sharedReferenceDir, '57-NQ-TW.txt');
if (withReference && !existsSync(referenceFile)) {
  console.error(`--with-reference needs ${referenceFile}`);
  process.exit(2);
}

/** Paragraphs as the pipeline's normalizer gives them (debris removed, wrapped lines rejoined), without emphasis markers. */
function paragraphs(text: string): string[] {
  return toParagraphs(text)
    .map((p) => p.text.replace(/\*+/g, '').trim())
    .filter(Boolean);
}

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const pct = (a: number, b: number): string => (b ? ((100 * a) / b).toFixed(2) + '%' : 'n/a');
function line(name: string, s: Score): string {
  return [name.padEnd(36), pct(s.correct, s.syllables).padStart(8), pct(s.damagedCorrect, s.damaged).padStart(9), String(s.unrestored).padStart(11), String(s.wrongChanged).padStart(8), String(s.broken).padStart(7), String(s.numbersAltered).padStart(9), `${s.syllables} syl, ${s.damaged} damaged`].join(' ');
}
const header = ['plan'.padEnd(36), 'accuracy'.padStart(8), 'damaged'.padStart(9), 'unrestored'.padStart(11), 'wrongly'.padStart(8), 'broken'.padStart(7), 'num.alt.'.padStart(9), 'size'].join(' ');
const legend = [
  'accuracy: exact syllables (case, tone placement and i/y spelling variants ignored); damaged: the same on syllables',
  'the scan got wrong; unrestored: damaged syllables left as scanned (marked); wrongly: changed into a wrong',
  'syllable (errors a reader cannot see); broken: right in the scan, wrong after; num.alt.: numbers/identifiers changed.',
].join('\n');

const files = readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort();
const texts = files.map((f) => readFileSync(join(seedDir, f), 'utf8').normalize('NFC'));
const scores = texts.map((t) => damageScore(t));
const cleanIdx = texts.map((_, i) => i).filter((i) => scores[i] < DAMAGE_THRESHOLD);
const scanIdx = texts.map((_, i) => i).filter((i) => scores[i] >= DAMAGE_THRESHOLD);
const extra = withReference ? [readFileSync(referenceFile, 'utf8')] : [];

console.log(legend + '\n');
console.log('Detection (damage score, threshold ' + DAMAGE_THRESHOLD + ')');
files.forEach((f, i) => console.log(`  ${f}  ${scores[i].toFixed(3)}  ${scores[i] >= DAMAGE_THRESHOLD ? 'damaged' : 'clean'}`));

const timings: string[] = [];
/** Each clean plan damaged by `damage`, restored by a restorer trained on the other plans only. */
function leaveOneOut(title: string, damage: (paragraph: string, seed: number) => string, timed: boolean): Score {
  console.log(`\n${title}${withReference ? ' (training also on Resolution 57-NQ/TW)' : ''}`);
  console.log(header);
  let total = emptyScore();
  for (const i of cleanIdx) {
    const tp = paragraphs(texts[i]);
    const sp = tp.map((p, k) => damage(p, (i + 1) * 100_000 + k));
    const others = cleanIdx.filter((j) => j !== i).map((j) => paragraphs(texts[j]).join('\n\n'));
    let [t0, c0] = [performance.now(), cpuMs()];
    const restorer = trainRestorer({ cleanTexts: [...others, ...extra], scans: [sp.join('\n\n')] });
    const [trainMs, trainCpu] = [performance.now() - t0, cpuMs() - c0];
    [t0, c0] = [performance.now(), cpuMs()];
    const rp = sp.map((p) => restorer.restoreText(p).text);
    const [restoreMs, restoreCpu] = [performance.now() - t0, cpuMs() - c0];
    const s = tp.reduce((acc, p, k) => scoreParagraph(p, sp[k], rp[k], acc), emptyScore());
    total = addScores(total, s);
    console.log(line(files[i], s));
    if (timed) timings.push(`  ${files[i]}: train ${trainMs.toFixed(0)} ms wall / ${trainCpu.toFixed(0)} ms CPU (${restorer.pairs} labelled pairs); restore ${restoreMs.toFixed(0)} ms wall / ${restoreCpu.toFixed(0)} ms CPU for ${s.syllables} syllables`);
  }
  console.log(line('ALL (leave-one-out)', total));
  return total;
}

const synthetic = leaveOneOut('Leave-one-out on synthetic OCR noise (noise.ts)', degrade, true);
const bare = (p: string): string => p.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
if (!process.argv.includes('--quick')) leaveOneOut('Leave-one-out on text typed without diacritics (every mark and đ dropped, letters intact)', bare, false);

for (const i of scanIdx) {
  console.log(`\nReal scan ${files[i]}: trained on ${cleanIdx.length} clean plans${withReference ? ' + resolution' : ''}, scored on a hand-corrected SAMPLE (${SEED002_SAMPLE.length} paragraphs)`);
  let [t0, c0] = [performance.now(), cpuMs()];
  const restorer = trainRestorer({ cleanTexts: [...cleanIdx.map((j) => texts[j]), ...extra], scans: [texts[i]] });
  const [trainMs, trainCpu] = [performance.now() - t0, cpuMs() - c0];
  [t0, c0] = [performance.now(), cpuMs()];
  const restoredAll = paragraphs(texts[i]).map((p) => restorer.restoreText(p));
  const [restoreMs, restoreCpu] = [performance.now() - t0, cpuMs() - c0];
  const sample = SEED002_SAMPLE.reduce((acc, p) => scoreParagraph(p.correct, p.scan, restorer.restoreText(p.scan).text, acc), emptyScore());
  console.log(header);
  console.log(line('sample of ' + files[i], sample));
  const changed = restoredAll.reduce((a, r) => a + r.changed, 0);
  const uncertain = restoredAll.reduce((a, r) => a + r.uncertain.length, 0);
  const after = damageScore(restoredAll.map((r) => r.text).join('\n\n'));
  console.log(`  whole scan: ${changed} tokens changed, ${uncertain} marked uncertain, damage score ${scores[i].toFixed(3)} → ${after.toFixed(3)}`);
  timings.push(`  ${files[i]} (real): train ${trainMs.toFixed(0)} ms wall / ${trainCpu.toFixed(0)} ms CPU (${restorer.pairs} labelled pairs); restore ${restoreMs.toFixed(0)} ms wall / ${restoreCpu.toFixed(0)} ms CPU for the whole plan`);
}
console.log('\nTimings (2 cores shared with other jobs: wall time varies with load; CPU time includes GC threads; the first training also loads both word lists)');
for (const t of timings) console.log(t);
if (synthetic.numbersAltered > 0) process.exitCode = 1;
