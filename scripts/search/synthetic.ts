// Synthetic corpus for the scale bench: N plans made of the seeds' real
// paragraphs (each plan follows one seed's outline, with paragraphs swapped in
// from the other plans), issued by varied localities and levels.
import type { Level } from '../pipeline/types.ts';
import type { IndexablePlan } from './records.ts';
import { mulberry32 } from '../pipeline/random.ts';

const PROVINCES = [
  'Hà Nội', 'Huế', 'Lai Châu', 'Điện Biên', 'Sơn La', 'Lạng Sơn', 'Quảng Ninh', 'Thanh Hoá', 'Nghệ An', 'Hà Tĩnh',
  'Cao Bằng', 'Tuyên Quang', 'Lào Cai', 'Thái Nguyên', 'Phú Thọ', 'Bắc Ninh', 'Hưng Yên', 'Hải Phòng', 'Ninh Bình',
  'Quảng Trị', 'Đà Nẵng', 'Quảng Ngãi', 'Gia Lai', 'Khánh Hoà', 'Lâm Đồng', 'Đắk Lắk', 'Thành phố Hồ Chí Minh',
  'Đồng Nai', 'Tây Ninh', 'Cần Thơ', 'Vĩnh Long', 'Đồng Tháp', 'Cà Mau', 'An Giang',
];

export function syntheticPlans(seeds: IndexablePlan[], n: number, seed = 57): IndexablePlan[] {
  const rnd = mulberry32(seed);
  const pick = <T,>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const paragraphs = seeds.flatMap((p) => p.blocks.filter((b) => b.kind !== 'heading'));
  return Array.from({ length: n }, (_, i) => {
    const base = seeds[i % seeds.length]!;
    const province = PROVINCES[i % PROVINCES.length]!;
    const r = rnd();
    const level: Level = r < 0.05 ? 'tỉnh' : r < 0.1 ? 'thành phố' : 'xã';
    const locality = level === 'tỉnh' ? province : `${province} – ${level} ${Math.floor(i / PROVINCES.length) + 1}`;
    const own = base.metadata.locality.value;
    const blocks = base.blocks.map((b, k) => {
      const src = b.kind === 'heading' || rnd() < 0.5 ? b : pick(paragraphs);
      const text = own ? src.text.split(own).join(locality) : src.text;
      return { ...src, id: `d${k + 1}`, text };
    });
    const m = base.metadata;
    return {
      ...base,
      id: `synthetic-${i + 1}`,
      displayTitle: own && base.displayTitle ? base.displayTitle.split(own).join(locality) : base.displayTitle,
      blocks,
      metadata: {
        ...m,
        locality: { value: locality, source: 'text' },
        level: { value: level, source: 'text' },
        date: { value: `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`, source: 'text' },
      },
    };
  });
}
