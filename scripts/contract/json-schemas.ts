// The published JSON Schemas of the open data (/data/*.schema.json), generated from the same Zod
// schemas the build checks its data with, and the public target fields as the CSV's Table Schema
// and the "Dữ liệu" page describe them.
import { z } from 'zod';
import { indicatorRecordSchema, reuseData, targetRecordSchema } from './schemas/index.ts';

type JsonSchema = z.core.JSONSchema.BaseSchema;

/** A JSON Schema with its file name and Vietnamese title, made from a Zod schema. */
export function published(id: string, title: string, schema: z.ZodType): JsonSchema {
  return { $id: id, title, ...z.toJSONSchema(schema) };
}

/** JSON Schema of /data/targets.json. */
export const targetsJsonSchema = (): JsonSchema =>
  published('targets.schema.json', 'Chỉ tiêu định lượng trong các văn bản thực hiện Nghị quyết 57-NQ/TW', z.array(targetRecordSchema));

/** JSON Schema of /data/indicators.json. */
export const indicatorsJsonSchema = (): JsonSchema => published('indicators.schema.json', 'Danh mục chỉ tiêu', z.array(indicatorRecordSchema));

/** JSON Schema of /data/reuse.json. */
export const reuseJsonSchema = (): JsonSchema =>
  published('reuse.schema.json', 'Chép lại và viết riêng: từng văn bản so với văn bản nó thực hiện và Nghị quyết 57-NQ/TW', reuseData);

type FieldType = 'string' | 'integer' | 'number' | 'boolean';
export interface FieldDoc {
  name: string;
  type: FieldType;
  nullable: boolean;
  enum?: string[];
  /** Vietnamese name of the column (the CSV header keeps the machine name). */
  label: string;
  /** Vietnamese explanation, shown on the "Dữ liệu" page. */
  description: string;
}

/** A property of a generated JSON Schema as a column: nullable as `type: [its type, "null"]` or, for an enum, `anyOf: [its enum, null]`. */
function fieldDoc(name: string, property: JsonSchema): FieldDoc {
  const own = property.anyOf?.find((o) => o.type !== 'null') ?? property;
  const types = [own.type, property.anyOf ? 'null' : []].flat();
  return {
    name,
    type: types.find((t) => t !== 'null') as FieldType,
    nullable: types.includes('null'),
    ...(own.enum ? { enum: own.enum as string[] } : {}),
    label: property.title!,
    description: property.description!,
  };
}

/** The public fields of a target record, in order (names fixed by issue 4). */
export const TARGET_FIELDS: FieldDoc[] = Object.entries(z.toJSONSchema(targetRecordSchema).properties!).map(([name, p]) => fieldDoc(name, p as JsonSchema));
