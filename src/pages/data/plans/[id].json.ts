// Open data: one plan in full — metadata, outline and every paragraph as displayed.
import type { APIRoute, GetStaticPaths } from 'astro';
import { allPlans, type PlanEntry } from '../../../utils/plans.ts';
import { planDetail } from '../../../utils/open-data.ts';

export const getStaticPaths: GetStaticPaths = async () => (await allPlans()).map((plan) => ({ params: { id: plan.id }, props: { plan } }));

export const GET: APIRoute = ({ props, site }) =>
  new Response(JSON.stringify(planDetail((props as { plan: PlanEntry }).plan, site!), null, 1), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
