import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import raw from '../../../content/indicators/indicators.json' with { type: 'json' };
import { classify } from './classify.ts';
import { fold } from './fold.ts';
import { loadTaxonomy, parseTaxonomy, specificity, taxonomyJsonSchema } from './taxonomy.ts';

describe('taxonomy', () => {
  it('validates the project taxonomy', () => {
    const t = loadTaxonomy();
    expect(t.indicators.length).toBeGreaterThan(40);
    expect(new Set(t.indicators.map((i) => i.id)).size).toBe(t.indicators.length);
  });
  it('ships the JSON Schema made from the Zod schema, for editors (UPDATE_SCHEMAS=1 rewrites it)', () => {
    const file = fileURLToPath(new URL('../../../content/indicators/indicators.schema.json', import.meta.url));
    const made = `${JSON.stringify(taxonomyJsonSchema(), null, 2)}\n`;
    if (process.env.UPDATE_SCHEMAS) writeFileSync(file, made);
    expect(readFileSync(file, 'utf8')).toBe(made);
  });

  it('rejects a broken file with the reason', () => {
    const bad = structuredClone(raw) as { indicators: Record<string, unknown>[] };
    bad.indicators[0]!.id = 'Kinh tế số';
    bad.indicators[1]!.phrasings = ['(unclosed'];
    expect(() => parseTaxonomy(bad)).toThrow(/ASCII slug[\s\S]*invalid pattern/);
  });
  it('scores literal phrases above wildcards', () => {
    expect(specificity('dịch vụ công trực tuyến toàn trình')).toBeGreaterThan(specificity('sử dụng dịch vụ công trực tuyến'));
    expect(specificity('hồ sơ[^;.]{0,60}được số hóa')).toBeLessThan('hồ sơ được số hóa'.replace(/ /g, '').length + 1);
  });
  it('maps one concept to one id however it is phrased', () => {
    const t = loadTaxonomy();
    const id = (s: string) => classify(fold(s), 'percent', t)?.indicator.id;
    expect(id('Tỷ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh nghiệp đạt trên 80%')).toBe('online-public-service-use');
    expect(id('Tỉ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh nghiệp đạt trên 80%')).toBe('online-public-service-use');
    expect(id('Ti le su dung dich vu cong truc tuyen cua nguoi dan va doanh nghiep dat tren 80%')).toBe('online-public-service-use');
    expect(id('Có ≥ 70% hồ sơ thủ tục hành chính xử lý trực tuyến')).toBe('online-dossiers');
    // A count never lands in a percentage indicator.
    expect(classify(fold('Có ≥ 3 doanh nghiệp khoa học và công nghệ'), 'count', t)?.indicator.id).toBe('st-enterprises');
    expect(classify(fold('Có ≥ 3 doanh nghiệp khoa học và công nghệ'), 'percent', t)).toBeNull();
  });
});
