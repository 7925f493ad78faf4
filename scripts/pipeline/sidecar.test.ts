import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseSidecar } from './sidecar.ts';
import { SeedError } from './types.ts';
import { seedsDir } from '../../tests/seeds.ts';

const bytes = (json: unknown, prefix = '') => new TextEncoder().encode(prefix + (typeof json === 'string' ? json : JSON.stringify(json, null, 2)));
const errorOf = (input: Uint8Array) => {
  try {
    parseSidecar(input, 'plan.meta.json');
  } catch (error) {
    return error as Error;
  }
  throw new Error('no error');
};

describe('parseSidecar', () => {
  it('reads every real sidecar', () => {
    const files = readdirSync(seedsDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.meta.json')).map((f) => join(seedsDir, f));
    expect(files.length).toBeGreaterThanOrEqual(1);
    for (const f of files) expect(() => parseSidecar(readFileSync(f), f)).not.toThrow();
  });

  it('accepts the byte-order mark Notepad writes', () => {
    const sidecar = parseSidecar(bytes({ fields: { locality: { value: 'Đồng Tháp', note: 'dòng 3 của bản quét' } } }, '\ufeff'), 'plan.meta.json');
    expect(sidecar.fields.locality?.value).toBe('Đồng Tháp');
  });

  it('reports every error with its path in one message, without a stack trace', () => {
    const error = errorOf(bytes({
      feilds: {},
      fields: { date: { value: '2025-02-30', note: 'x' }, locality: { value: '', note: 'x', overide: true }, signer: { value: 'A' } },
      leadIn: -1,
    }));
    expect(error).toBeInstanceOf(SeedError);
    const message = error.message;
    expect(message).toMatch(/^plan\.meta\.json: sidecar does not match its schema: /);
    expect(message).toContain('(top level): Unrecognized key: "feilds" (allowed: $comment, fields, leadIn)');
    expect(message).toContain('fields.date.value: a real date written YYYY-MM-DD');
    expect(message).toMatch(/fields\.locality\.value: Too small/);
    expect(message).toContain('fields.locality: Unrecognized key: "overide" (allowed: value, note, override)');
    expect(message).toContain('fields.signer.note: ');
    expect(message).toMatch(/leadIn: Too small/);
    expect(message).not.toContain('\ufeff');
    expect(message.split('\n')).toHaveLength(1);
  });

  it('rejects an unknown field name and impossible dates, and accepts a leap day', () => {
    expect(errorOf(bytes({ fields: { provinse: { value: 'A', note: 'b' } } })).message).toContain('fields: Unrecognized key: "provinse" (allowed: type, number, date,');
    for (const date of ['2025-02-29', '2025-04-31', '2025-13-01', '30/02/2025']) {
      expect(errorOf(bytes({ fields: { date: { value: date, note: 'b' } } })).message, date).toContain('fields.date.value: a real date');
    }
    expect(parseSidecar(bytes({ fields: { date: { value: '2024-02-29', note: 'b' } } }), 'x').fields.date?.value).toBe('2024-02-29');
  });

  it('takes a level only as the data names levels', () => {
    expect(errorOf(bytes({ fields: { level: { value: 'Tỉnh', note: 'b' } } })).message).toMatch(/fields\.level\.value: Invalid option: expected one of "trung ương"\|"tỉnh"/);
    expect(parseSidecar(bytes({ fields: { level: { value: 'đặc khu', note: 'b' } } }), 'x').fields.level?.value).toBe('đặc khu');
  });

  it('names invalid JSON', () => {
    expect(errorOf(bytes('{ "fields": '))).toHaveProperty('message', expect.stringMatching(/^plan\.meta\.json: sidecar is not valid JSON: /));
  });
});
