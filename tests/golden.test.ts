// Golden files: the real pipeline (scripts/build/library.ts, then the targets stage as the
// build runs it) over the seeds, and over ../shared/corpus/ read in place when present; each
// document's metadata, outline, references and targets are compared with
// tests/golden/<seeds|corpus>/<file>.json. After a change meant to alter what is read, regenerate
// them and review the diff as part of the change:
//   UPDATE_GOLDEN=1 npx vitest run tests/golden.test.ts && git diff tests/golden
// The corpus's golden files hold none of its words (tests/helpers/golden.ts: withoutText).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildLibrary, type Library } from '../scripts/build/library.ts';
import { readSeeds } from '../scripts/build/seeds.ts';
import { targetsSiteData } from '../scripts/pipeline/targets/site-targets.ts';
import { goldenJson, goldenRecord, withoutText, wordyStrings, type GoldenRecord } from './helpers/golden.ts';
import { seedLibrary } from './seeds.ts';
import { sharedCorpusDir, sharedCorpusFiles } from '../scripts/shared-folder.ts';

const UPDATE = process.env.UPDATE_GOLDEN === '1';
const goldenDir = fileURLToPath(new URL('./golden/', import.meta.url));

/** Golden records by the golden file's path under the source's folder ("tinh/plan.json" for seeds/tinh/plan.txt). */
function goldenRecords(library: Library, redact: boolean): Map<string, GoldenRecord> {
  const { targets } = targetsSiteData(library.plans);
  const planOf = new Map(library.plans.map((p) => [p.sourceFile, p]));
  return new Map(
    library.accounts.map((a) => {
      const plan = a.outcome === 'published' ? planOf.get(a.file) : undefined;
      const record = goldenRecord(a, plan, targets.filter((t) => t.plan === plan?.id));
      return [a.file.replace(/\.txt$/i, '.json'), redact ? withoutText(record) : record];
    }),
  );
}

const listJson = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json')).sort() : [];

const sources = [
  { name: 'seeds', present: true, redact: false, library: seedLibrary },
  { name: 'corpus', present: sharedCorpusFiles().length > 0, redact: true, library: () => buildLibrary(readSeeds(sharedCorpusDir)) },
];

for (const source of sources) {
  describe.runIf(source.present)(`golden files of ${source.name}`, () => {
    const folder = join(goldenDir, source.name);
    const records = source.present ? goldenRecords(source.library(), source.redact) : new Map<string, GoldenRecord>();
    if (UPDATE) {
      for (const stale of listJson(folder).filter((f) => !records.has(f))) rmSync(join(folder, stale));
      for (const [name, record] of records) {
        mkdirSync(dirname(join(folder, name)), { recursive: true });
        writeFileSync(join(folder, name), `${goldenJson(record)}\n`);
      }
    }

    it('has one golden file per input file, and none for a file that is gone', () => {
      expect(listJson(folder)).toEqual([...records.keys()].sort());
    });

    if (source.redact) {
      it('holds no words of the documents: no string with a space but the vocabulary fields (type, level, province…)', () => {
        for (const name of listJson(folder)) expect(wordyStrings(JSON.parse(readFileSync(join(folder, name), 'utf8'))), name).toEqual([]);
      });
    }

    for (const [name, record] of records) {
      it(`reads ${record.file} as its golden file says`, () => {
        const golden: unknown = JSON.parse(readFileSync(join(folder, name), 'utf8'));
        expect(JSON.parse(goldenJson(record))).toEqual(golden);
      });
    }
  });
}
