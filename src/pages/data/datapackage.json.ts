// Frictionless Data Package describing the open data files.
import type { APIRoute } from 'astro';
import { datapackage } from '../../../scripts/pipeline/targets/opendata.ts';

export const GET: APIRoute = () => new Response(datapackage(), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
