// Nothing is lost on documents the pipeline was not written for: every word of every real
// document in ../shared/corpus/ (read in place, copied only into a temporary build folder)
// appears, in order, on its plan page in a real build of seeds + corpus. Skipped without ../shared.
import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeSeed } from '../scripts/pipeline/decode.ts';
import { runBuild } from './helpers/fixture-build.ts';
import { PROJECT_ROOT } from './helpers/site.ts';
import { sharedCorpusDir as corpusDir, sharedCorpusFiles } from '../scripts/shared-folder.ts';
import { firstMissing, pageText, sourceWords } from './helpers/words.ts';

const files = sharedCorpusFiles();

describe.runIf(files.length > 0)('every word of every corpus document is on its page', () => {
  const dir = mkdtempSync(join(tmpdir(), 'corpus-site-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(join(PROJECT_ROOT, 'seeds'), join(dir, 'seeds'), { recursive: true });
  for (const f of files) cpSync(join(corpusDir, f), join(dir, 'seeds', 'corpus', f));
  const build = runBuild(dir);
  const plans = build.status === 0 ? (JSON.parse(readFileSync(join(build.dist, 'data', 'plans.json'), 'utf8')) as { id: string; sourceFile: string }[]) : [];

  it('builds', () => expect(build.status, build.output).toBe(0));

  for (const file of files) {
    it(`${file}`, () => {
      const plan = plans.find((p) => p.sourceFile === `corpus/${file}`);
      expect(plan, `${file} published`).toBeDefined();
      const source = decodeSeed(new Uint8Array(readFileSync(join(corpusDir, file))), file).text;
      const words = sourceWords(source);
      const text = pageText(readFileSync(join(build.dist, 'van-ban', plan!.id, 'index.html'), 'utf8'));
      expect(words.length).toBeGreaterThan(500);
      expect(firstMissing(words, text)).toBeNull();
    });
  }
});
