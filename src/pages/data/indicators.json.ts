// Open data: the indicator taxonomy with how many plans commit to each (dist/data/indicators.json).
import type { APIRoute } from 'astro';
import { indicatorsJson } from '../../../scripts/pipeline/targets/opendata.ts';
import { targetData, taxonomy } from '../../utils/targets.ts';

export const GET: APIRoute = async () => {
  const { targets } = await targetData();
  return new Response(indicatorsJson(taxonomy, targets), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
