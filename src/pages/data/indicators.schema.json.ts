// JSON Schema of indicators.json.
import type { APIRoute } from 'astro';
import { indicatorsJsonSchema } from '../../../scripts/pipeline/targets/opendata.ts';

export const GET: APIRoute = () => new Response(`${JSON.stringify(indicatorsJsonSchema(), null, 2)}\n`, { headers: { 'Content-Type': 'application/schema+json; charset=utf-8' } });
