// Open data: targets as CSV, UTF-8 with BOM so Excel shows Vietnamese (dist/data/targets.csv).
import type { APIRoute } from 'astro';
import { targetsCsv } from '../../../scripts/pipeline/targets/opendata.ts';
import { targetData, taxonomy } from '../../utils/targets.ts';
import { csvResponse } from '../../utils/open-data.ts';

export const GET: APIRoute = async ({ site }) => {
  const { targets } = await targetData();
  return csvResponse(targetsCsv(targets, taxonomy, site?.href));
};
