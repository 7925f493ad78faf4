// Open data: every target record (dist/data/targets.json).
import type { APIRoute } from 'astro';
import { targetsJson } from '../../../scripts/pipeline/targets/opendata.ts';
import { targetData, taxonomy } from '../../utils/targets.ts';

export const GET: APIRoute = async ({ site }) => {
  const { targets } = await targetData();
  return new Response(targetsJson(targets, taxonomy, site?.href), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
