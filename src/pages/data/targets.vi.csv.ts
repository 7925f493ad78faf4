// Open data: targets.csv for a spreadsheet set to Vietnamese: ";" between cells, decimal commas.
import type { APIRoute } from 'astro';
import { CSV_VIETNAMESE, targetsCsv } from '../../../scripts/pipeline/targets/opendata.ts';
import { targetData, taxonomy } from '../../utils/targets.ts';
import { csvResponse } from '../../utils/open-data.ts';

export const GET: APIRoute = async ({ site }) => {
  const { targets } = await targetData();
  return csvResponse(targetsCsv(targets, taxonomy, site?.href, CSV_VIETNAMESE));
};
