// The real seeds, read once for the unit tests.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const seedsDir = fileURLToPath(new URL('../seeds/', import.meta.url));

export const SEED = {
  phanRang: '000_f1948d11a7d713f4.txt',
  dongThap: '001_9ab9814e00d8e62e.txt',
  rachGia: '002_beea2bd73ebc9465.txt',
  yetKieu: '003_e484f2781837af51.txt',
  ninhThuan: '004_a936b11be61fe9d9.txt',
} as const;

export function seedBytes(file: string): Uint8Array {
  return new Uint8Array(readFileSync(join(seedsDir, file)));
}

export function seedText(file: string): string {
  return readFileSync(join(seedsDir, file), 'utf8');
}

export function seedFiles(): string[] {
  return readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort();
}
