// Reading the built site's open data and pages, shared by the benchmark and the browser
// tests so that neither hard-codes a plan: the plan list comes from data/plans.json.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import { planUrl } from '../contract/addresses.ts';

export interface PlanEntry {
  id: string;
  /** Site path of the plan page, e.g. "/van-ban/<id>/". */
  path: string;
}

export interface PlanParagraph {
  id: string;
  text: string;
  original?: string;
}

function readJson(dist: string, path: string): unknown {
  const file = join(dist, path);
  if (!existsSync(file)) throw new Error(`${path} is missing from the built site`);
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** The plans listed in data/plans.json (an array, or an object with a `plans` array). */
export function readPlanList(dist: string): PlanEntry[] {
  const data = readJson(dist, 'data/plans.json') as unknown;
  const list = (Array.isArray(data) ? data : (data as { plans?: unknown }).plans) as
    | { id: string; url?: string }[]
    | undefined;
  if (!Array.isArray(list)) throw new Error('data/plans.json: expected an array of plans (or { plans: [...] })');
  return list.map((p) => {
    if (typeof p.id !== 'string' || !p.id) throw new Error(`data/plans.json: a plan without id: ${JSON.stringify(p).slice(0, 200)}`);
    // `url` may be absolute (canonical origin): only its path matters here.
    const path = p.url ? new URL(p.url, 'http://site.invalid').pathname : planUrl(p.id);
    return { id: p.id, path };
  });
}

/** The paragraphs of data/plans/<id>.json, as displayed (`paragraphs`, or `blocks`). */
export function readPlanParagraphs(dist: string, id: string): PlanParagraph[] {
  const data = readJson(dist, `data/plans/${id}.json`) as { paragraphs?: PlanParagraph[]; blocks?: PlanParagraph[] };
  const paragraphs = data.paragraphs ?? data.blocks;
  if (!Array.isArray(paragraphs) || paragraphs.length === 0) throw new Error(`data/plans/${id}.json has no paragraphs`);
  return paragraphs;
}

/** Site paths of every HTML page in the built site ("/", "/van-ban/x/", "/404.html"). */
export function htmlPages(dist: string): string[] {
  return readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => '/' + f.split(sep).join('/').replace(/(^|\/)index\.html$/, '$1'))
    .sort();
}
