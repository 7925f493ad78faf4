// JSON Schema of reuse.json, from its Zod schema.
import type { APIRoute } from 'astro';
import { reuseJsonSchema } from '../../../scripts/contract/json-schemas.ts';

export const GET: APIRoute = () => new Response(`${JSON.stringify(reuseJsonSchema(), null, 2)}\n`, { headers: { 'Content-Type': 'application/schema+json; charset=utf-8' } });
