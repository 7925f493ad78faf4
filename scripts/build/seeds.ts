// Find the seed files: every .txt under seeds/ (sub-folders included, extension in
// any case), with its optional reviewed sidecar "<name>.meta.json". Every other
// entry is accounted for in the build report: symbolic links are never followed
// (a link could publish a file from outside seeds/), hidden files (".x", macOS
// "._x") and other files are skipped with a line, a file over the size limit
// stops the build. Sidecar errors are collected, not thrown one at a time.
import { closeSync, lstatSync, openSync, readFileSync, readSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import type { SeedInput } from '../pipeline/plan.ts';
import { parseSidecar } from '../pipeline/sidecar.ts';
import { SeedError } from '../pipeline/types.ts';
import { sniffFileType } from '../pipeline/file-type.ts';
import type { FileAccount } from './report.ts';

const limitsSchema = z.object({ $comment: z.string().optional(), warnBytes: z.number().int().positive(), refuseBytes: z.number().int().positive() });
const LIMITS = limitsSchema.parse(JSON.parse(readFileSync(new URL('../../content/input/limits.json', import.meta.url), 'utf8')));

const PLAN = /\.txt$/i;
const SIDECAR = /\.meta\.json$/i;

export interface SeedScan {
  inputs: SeedInput[];
  /** Every file and folder entry that is not a plan read into `inputs`: sidecars, skipped and refused files. */
  accounts: FileAccount[];
  /** Problems that stop the build (all of them, so they can be fixed at once). */
  errors: SeedError[];
}

const megabytes = (n: number) => `${(n / 1_000_000).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;

/** Why an entry that is not a plan or sidecar is skipped. */
function skipReason(name: string, path: string, isLink: boolean, isDir: boolean): string | null {
  if (isLink) return 'symbolic link: not followed (it could publish a file from outside seeds/); put the file itself in seeds/';
  if (name.startsWith('._')) return 'macOS metadata file ("._" prefix): ignored';
  if (name.startsWith('.')) return `hidden ${isDir ? 'folder' : 'file'} ("." prefix): ignored`;
  if (isDir || PLAN.test(name) || SIDECAR.test(name)) return null;
  const head = new Uint8Array(512);
  const fd = openSync(path, 'r');
  const length = readSync(fd, head, 0, head.length, 0);
  closeSync(fd);
  const type = sniffFileType(head.subarray(0, length));
  return `not a .txt plan${type ? ` (it is ${type.name})` : ''}: ignored`;
}

export function scanSeeds(seedsDir: string): SeedScan {
  const scan: SeedScan = { inputs: [], accounts: [], errors: [] };
  const rel = (path: string) => relative(seedsDir, path);

  const visit = (dir: string) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const sidecars = new Map(entries.filter((e) => e.isFile() && SIDECAR.test(e.name)).map((e) => [e.name.toLowerCase(), e.name]));
    const plans = new Set(entries.filter((e) => e.isFile() && PLAN.test(e.name) && !e.name.startsWith('.')).map((e) => e.name.replace(PLAN, '').toLowerCase()));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      const file = rel(path);
      const skip = skipReason(entry.name, path, entry.isSymbolicLink(), entry.isDirectory());
      if (skip) { scan.accounts.push({ file, outcome: 'skipped', reason: skip, warnings: [] }); continue; }
      if (entry.isDirectory()) { visit(path); continue; }
      if (!entry.isFile()) { scan.accounts.push({ file, outcome: 'skipped', reason: 'not a regular file: ignored', warnings: [] }); continue; }
      if (SIDECAR.test(entry.name)) {
        if (!plans.has(entry.name.replace(SIDECAR, '').toLowerCase())) {
          const error = new SeedError(file, null, 'sidecar has no seed file beside it');
          scan.errors.push(error);
          scan.accounts.push({ file, outcome: 'stopped', reason: error.message, warnings: [] });
        }
        continue; // accounted for with its plan
      }
      const bytes = lstatSync(path).size;
      if (bytes > LIMITS.refuseBytes) {
        const error = new SeedError(file, null, `is ${megabytes(bytes)}, over the ${megabytes(LIMITS.refuseBytes)} limit for one plan (a plan is well under 1 MB): split it or remove what is not the plan`);
        scan.errors.push(error);
        scan.accounts.push({ file, outcome: 'stopped', reason: error.message, bytes, warnings: [] });
        continue;
      }
      const warnings = bytes > LIMITS.warnBytes ? [`${file}: is ${megabytes(bytes)}, larger than any plan should be (over ${megabytes(LIMITS.warnBytes)}): check it holds one plan only`] : [];
      const sidecarName = sidecars.get(`${entry.name.replace(PLAN, '')}.meta.json`.toLowerCase());
      let sidecar: SeedInput['sidecar'] = null;
      if (sidecarName) {
        const sidecarFile = rel(join(dir, sidecarName));
        try {
          sidecar = parseSidecar(readFileSync(join(dir, sidecarName)), sidecarFile);
          scan.accounts.push({ file: sidecarFile, outcome: 'sidecar', plan: file, warnings: [] });
        } catch (error) {
          if (!(error instanceof SeedError)) throw error;
          scan.errors.push(error);
          scan.accounts.push({ file: sidecarFile, outcome: 'stopped', reason: error.message, warnings: [] });
        }
      }
      scan.inputs.push({ file, bytes: new Uint8Array(readFileSync(path)), sidecar, warnings });
    }
  };
  visit(seedsDir);
  return scan;
}

/** The seeds of a folder; throws a SeedError listing every problem when any file cannot be read. */
export function readSeeds(seedsDir: string): SeedInput[] {
  const scan = scanSeeds(seedsDir);
  if (scan.errors.length) throw new SeedError(seedsDir, null, scan.errors.map((e) => e.message).join('; '));
  return scan.inputs;
}
