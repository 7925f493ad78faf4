// The one list of fixtures for the tests: the real seeds (named, as files, as text, and as the
// build makes them). The real documents of ../shared/corpus/ are found through scripts/shared-folder.ts.
// Whatever runs the pipeline here calls the build's own functions, so tests assert what the site ships.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildLibrary, type Library } from '../scripts/build/library.ts';
import { scanRestorer } from '../scripts/build/restore-scans.ts';
import { readSeeds } from '../scripts/build/seeds.ts';
import { generateSiteData, type GeneratedFiles } from '../scripts/build/site-data.ts';
import { loadVocabulary } from '../scripts/pipeline/document-types.ts';
import type { OcrRestorer } from '../scripts/pipeline/ocr/restore.ts';
import { parseSeed } from '../scripts/pipeline/plan.ts';
import { planInput } from '../scripts/pipeline/targets/site-targets.ts';
import type { PlanInput } from '../scripts/pipeline/targets/types.ts';
import type { Plan } from '../scripts/pipeline/types.ts';

export const seedsDir = fileURLToPath(new URL('../seeds/', import.meta.url));

export const SEED = {
  phanRang: '000_f1948d11a7d713f4.txt',
  dongThap: '001_9ab9814e00d8e62e.txt',
  rachGia: '002_beea2bd73ebc9465.txt',
  yetKieu: '003_e484f2781837af51.txt',
  ninhThuan: '004_a936b11be61fe9d9.txt',
} as const;

export function seedBytes(file: string): Uint8Array {
  return new Uint8Array(readFileSync(join(seedsDir, file)));
}

export function seedText(file: string): string {
  return readFileSync(join(seedsDir, file), 'utf8');
}

export function seedFiles(): string[] {
  return readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort();
}

const root = fileURLToPath(new URL('../', import.meta.url));
const cacheDir = join(root, 'node_modules', '.cache', 'seed-library');

/** A hash of everything the seeds' library is made from: the code, the data under content/ (not what builds write there), the seeds, the packages. */
function inputsHash(): string {
  const hash = createHash('sha256');
  for (const dir of ['scripts', 'content', 'seeds']) {
    const files = readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => relative(root, join(e.parentPath, e.name)))
      .filter((f) => !f.startsWith(join('content', 'generated')))
      .sort();
    for (const f of files) hash.update(`${f}\0`).update(readFileSync(join(root, f)));
  }
  return hash.update(readFileSync(join(root, 'package-lock.json'))).digest('hex').slice(0, 16);
}

let library: Library | null = null;

/**
 * The seeds as the build makes them (scripts/build/library.ts). Built once for all the
 * test files of a run: the result is kept in node_modules/.cache/ under a hash of every input,
 * so any change to the code, the data or the seeds builds it afresh.
 */
export function seedLibrary(): Library {
  if (library) return library;
  const hash = inputsHash();
  const file = join(cacheDir, `${hash}.json`);
  if (existsSync(file)) {
    const cached = JSON.parse(readFileSync(file, 'utf8')) as Omit<Library, 'implementedBy'> & { implementedBy: [string, string[]][] };
    return (library = { ...cached, implementedBy: new Map(cached.implementedBy) });
  }
  library = buildLibrary(readSeeds(seedsDir));
  mkdirSync(cacheDir, { recursive: true });
  for (const old of readdirSync(cacheDir)) if (!old.startsWith(hash)) rmSync(join(cacheDir, old), { force: true });
  // written aside and renamed: a test file starting meanwhile never reads half a file
  writeFileSync(`${file}.${process.pid}`, JSON.stringify({ ...library, implementedBy: [...library.implementedBy] }));
  renameSync(`${file}.${process.pid}`, file);
  return library;
}

function builtPlan(file: string): Plan {
  const plan = seedLibrary().plans.find((p) => p.sourceFile === file);
  if (!plan) throw new Error(`no built plan for seeds/${file}`);
  return plan;
}

/** The built plan of a seed file, as the targets stage reads it; `id` renames it for readable tests. */
export function seedPlan(file: string, id?: string): PlanInput {
  return { ...planInput(builtPlan(file)), ...(id ? { id } : {}) };
}

/** The text of each block of a seed as the build parses it; of a restored scan, as scanned. */
export function paragraphsOf(file: string): string[] {
  return builtPlan(file).blocks.map((b) => b.original ?? b.text);
}

/** The seeds' plans and cited documents as the site build makes them (scripts/build/site-data.ts). */
export function seedSiteData(): GeneratedFiles {
  return generateSiteData(seedLibrary());
}

let restorer: OcrRestorer | null = null;

/** The scan restorer the build trains on the seeds (scripts/build/restore-scans.ts). */
export function seedRestorer(): OcrRestorer {
  if (restorer) return restorer;
  const vocabulary = loadVocabulary();
  restorer = scanRestorer(readSeeds(seedsDir).map((input) => parseSeed(input, vocabulary))).restorer;
  if (!restorer) throw new Error('no seed reads as a damaged scan: nothing to train a restorer for');
  return restorer;
}
