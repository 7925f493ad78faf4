// Content collections over what scripts/build.ts generates, all read from one folder:
// content/generated, or the one CONTENT_GENERATED names (tests build fixtures into folders of
// their own). The schemas are the contract's (scripts/contract/): the build checks its data
// against them before Astro runs, and Astro's entries have their inferred types.
import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import type { z } from 'zod';
import { COLLECTION_FILES, generatedFolder } from '../scripts/contract/generated.ts';
import { planTexts } from './loaders/plan-texts.ts';

const generated = generatedFolder();

const fromJson = <S extends z.ZodType>({ file: name, entry }: { file: string; entry: S }) => defineCollection({ loader: file(`${generated}/${name}`), schema: entry });

export const collections = {
  plans: fromJson(COLLECTION_FILES.plans),
  planTexts: defineCollection({ loader: planTexts(generated) }),
  documents: fromJson(COLLECTION_FILES.documents),
  targets: fromJson(COLLECTION_FILES.targets),
  findings: fromJson(COLLECTION_FILES.findings),
  national: fromJson(COLLECTION_FILES.national),
  provinces: fromJson(COLLECTION_FILES.provinces),
};
