// The figures of the scale benchmark (bench:scale, issue 16), read from what a build leaves:
// its report (dist/data/build-report.json: time and memory per stage), the built site
// (pages, bytes, the largest and median page of each kind, gzip) and the memory of the
// whole process tree, sampled from /proc while it runs. One table, a column per run.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { buildReportSchema, type Stage } from '../build/report.ts';
import { gzipSize } from './measure.ts';
import { summarizeKinds, type KindSummary } from './page-kinds.ts';

/** What /proc/<pid>/stat says of a process: its parent and resident pages. */
export interface ProcStat {
  pid: number;
  ppid: number;
  rssPages: number;
}

/** Parses /proc/<pid>/stat. The command name (field 2) is in parentheses and may hold spaces and ")". */
export function parseProcStat(text: string): ProcStat {
  const close = text.lastIndexOf(')');
  if (close < 0) throw new Error(`not a /proc stat line: ${text.slice(0, 80)}`);
  // After ") ": state (3), ppid (4) … rss (24): fields from 3 on, so rss is index 21.
  const fields = text.slice(close + 2).trim().split(/\s+/);
  const pid = Number(text.slice(0, text.indexOf(' ')));
  const ppid = Number(fields[1]);
  const rssPages = Number(fields[21]);
  if (![pid, ppid, rssPages].every(Number.isInteger)) throw new Error(`unreadable /proc stat line: ${text.slice(0, 80)}`);
  return { pid, ppid, rssPages };
}

/** Resident bytes of a process and all its descendants now (0 once it has gone). */
export function treeRssBytes(rootPid: number, procDir = '/proc', pageBytes = 4096): number {
  const stats: ProcStat[] = [];
  for (const name of readdirSync(procDir)) {
    if (!/^\d+$/.test(name)) continue;
    try {
      stats.push(parseProcStat(readFileSync(join(procDir, name, 'stat'), 'utf8')));
    } catch {
      // a process that ended between the listing and the read
    }
  }
  const children = new Map<number, ProcStat[]>();
  for (const s of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
  let pages = 0;
  const todo = stats.filter((s) => s.pid === rootPid);
  while (todo.length) {
    const s = todo.pop()!;
    pages += s.rssPages;
    todo.push(...(children.get(s.pid) ?? []));
  }
  return pages * pageBytes;
}

export interface SiteFigures {
  pages: number;
  distBytes: number;
  /** Everything the search reads: dist/pagefind/ and the direct-answer files under tim-kiem/ (not its page). */
  searchBytes: number;
  kinds: KindSummary[];
}

export function siteFigures(dist: string): SiteFigures {
  let distBytes = 0;
  let searchBytes = 0;
  const pages: { path: string; gzip: number }[] = [];
  for (const file of readdirSync(dist, { recursive: true, encoding: 'utf8' })) {
    const full = join(dist, file);
    const stat = statSync(full);
    if (!stat.isFile()) continue;
    distBytes += stat.size;
    const path = relative(dist, full).split(sep).join('/');
    if (path.startsWith('pagefind/') || (path.startsWith('tim-kiem/') && !path.endsWith('.html'))) searchBytes += stat.size;
    if (path.endsWith('.html')) pages.push({ path: `/${path.replace(/index\.html$/, '')}`, gzip: gzipSize(readFileSync(full)) });
  }
  return { pages: pages.length, distBytes, searchBytes, kinds: summarizeKinds(pages) };
}

/** The CPU time of GNU time's "%U %S" output, in ms (its last line: a failing command's status line comes first). */
export function parseGnuTime(text: string): number {
  const m = /^(\d+(?:\.\d+)?) (\d+(?:\.\d+)?)$/m.exec(text.trim().split('\n').at(-1)!);
  if (!m) throw new Error(`unreadable GNU time output: ${text.slice(0, 80)}`);
  return Math.round((Number(m[1]) + Number(m[2])) * 1000);
}

/** The stages of a build's report (dist/data/build-report.json), validated by its schema. */
export function readStages(reportJson: string): Stage[] {
  return buildReportSchema.parse(JSON.parse(reportJson)).stages;
}

export interface ScaleRun {
  plans: number;
  /** The column's heading when not just "N plans" (a rebuild). */
  label?: string;
  stages: Stage[];
  wallMs: number;
  /** CPU time (user + system) of the build and its children, or null when not measured: on a shared machine the steadier figure. */
  cpuMs: number | null;
  peakTreeRssBytes: number;
  site: SiteFigures;
  /** Bytes (gzip) of the first search query, or null when not measured (no Chromium). */
  firstQueryBytes: number | null;
}

const seconds = (ms: number) => `${(ms / 1000).toLocaleString('en', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} s`;
const kb = (n: number) => `${(n / 1024).toLocaleString('en', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} KB`;
const mb = (n: number) => `${(n / 1024 / 1024).toLocaleString('en', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} MB`;
const gb = (n: number) => `${(n / 1024 ** 3).toLocaleString('en', { maximumFractionDigits: 2, minimumFractionDigits: 2 })} GB`;

/** One Markdown table: a row per figure, a column per run. */
export function formatScaleTable(runs: ScaleRun[]): string {
  const stageNames = [...new Set(runs.flatMap((r) => r.stages.map((s) => s.name)))];
  const kinds = [...new Set(runs.flatMap((r) => r.site.kinds.map((k) => k.kind)))].sort();
  const rows: [string, (r: ScaleRun) => string][] = [
    ['plans', (r) => r.plans.toLocaleString('en')],
    ...stageNames.map((name): [string, (r: ScaleRun) => string] => [`stage: ${name}`, (r) => {
      const s = r.stages.find((x) => x.name === name);
      return s ? seconds(s.ms) : '—';
    }]),
    ['total wall time', (r) => seconds(r.wallMs)],
    ['wall time per plan', (r) => seconds(r.wallMs / r.plans)],
    ['CPU time (user + system, whole tree)', (r) => (r.cpuMs === null ? 'not measured' : seconds(r.cpuMs))],
    ['peak memory (RSS, whole process tree)', (r) => gb(r.peakTreeRssBytes)],
    ['peak memory of one process (stage report)', (r) => gb(Math.max(0, ...r.stages.map((s) => s.peakRssMb)) * 1024 * 1024)],
    ['pages', (r) => r.site.pages.toLocaleString('en')],
    ['dist size', (r) => mb(r.site.distBytes)],
    ['search index size', (r) => mb(r.site.searchBytes)],
    ...kinds.flatMap((kind): [string, (r: ScaleRun) => string][] => {
      const of = (r: ScaleRun) => r.site.kinds.find((k) => k.kind === kind);
      return [
        [`${kind}: pages, median gzip`, (r) => (of(r) ? `${of(r)!.pages.toLocaleString('en')}, ${kb(of(r)!.median)}` : '—')],
        [`${kind}: largest gzip`, (r) => (of(r) ? `${kb(of(r)!.largest.gzip)} ${of(r)!.largest.path}` : '—')],
      ];
    }),
    ['first search query (gzip)', (r) => (r.firstQueryBytes === null ? 'not measured' : kb(r.firstQueryBytes))],
  ];
  return [
    `| figure | ${runs.map((r) => r.label ?? `${r.plans.toLocaleString('en')} plans`).join(' | ')} |`,
    `| --- | ${runs.map(() => '---').join(' | ')} |`,
    ...rows.map(([label, cell]) => `| ${label} | ${runs.map(cell).join(' | ')} |`),
  ].join('\n');
}
