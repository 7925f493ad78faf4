// Open data: one indicator's targets, in both CSV dialects (/data/chi-tieu/<id>.csv and <id>.vi.csv).
import type { APIRoute, GetStaticPaths } from 'astro';
import { CSV_STANDARD, CSV_VIETNAMESE, targetsCsv } from '../../../../scripts/pipeline/targets/opendata.ts';
import { targetData, taxonomy } from '../../../utils/targets.ts';
import { csvResponse } from '../../../utils/open-data.ts';
import { indicatorCsvUrl } from '../../../../scripts/contract/addresses.ts';

export const getStaticPaths: GetStaticPaths = () =>
  taxonomy.indicators.flatMap((i) =>
    [CSV_STANDARD, CSV_VIETNAMESE].map((dialect) => ({ params: { file: indicatorCsvUrl(i.id, dialect.decimalComma).split('/').pop()! }, props: { id: i.id, dialect } })),
  );

export const GET: APIRoute = async ({ props, site }) => {
  const { id, dialect } = props as { id: string; dialect: typeof CSV_STANDARD };
  const { targets } = await targetData();
  return csvResponse(targetsCsv(targets.filter((t) => t.indicator === id), taxonomy, site?.href, dialect));
};
