// JSON Schema of indicators.json, from its Zod schema.
import type { APIRoute } from 'astro';
import { indicatorsJsonSchema } from '../../../scripts/contract/json-schemas.ts';

export const GET: APIRoute = () => new Response(`${JSON.stringify(indicatorsJsonSchema(), null, 2)}\n`, { headers: { 'Content-Type': 'application/schema+json; charset=utf-8' } });
