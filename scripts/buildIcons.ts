/**
 * Draws the add-in's icons (assets/icon-16.png … icon-80.png): a green tile with a white statement
 * sheet, its lines and a total bar. Deterministic, so the committed PNGs can be checked against it.
 * Usage: npm run icons
 */
import { PNG } from 'pngjs';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const ICON_SIZES = [16, 32, 64, 80] as const;

type Rgba = readonly [number, number, number, number];
const GREEN: Rgba = [33, 115, 70, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const INK: Rgba = [33, 115, 70, 255];
const GOLD: Rgba = [242, 177, 52, 255];

/** The shapes in a unit square (0..1), topmost last. */
interface Shape { x0: number; y0: number; x1: number; y1: number; radius: number; colour: Rgba }
const SHAPES: Shape[] = [
  { x0: 0, y0: 0, x1: 1, y1: 1, radius: 0.18, colour: GREEN },
  { x0: 0.24, y0: 0.14, x1: 0.76, y1: 0.86, radius: 0.05, colour: WHITE },
  { x0: 0.33, y0: 0.28, x1: 0.67, y1: 0.35, radius: 0, colour: INK },
  { x0: 0.33, y0: 0.43, x1: 0.67, y1: 0.5, radius: 0, colour: INK },
  { x0: 0.33, y0: 0.58, x1: 0.56, y1: 0.65, radius: 0, colour: INK },
  { x0: 0.45, y0: 0.72, x1: 0.67, y1: 0.79, radius: 0, colour: GOLD },
];

function inside(s: Shape, x: number, y: number): boolean {
  if (x < s.x0 || x > s.x1 || y < s.y0 || y > s.y1) return false;
  const cx = Math.min(Math.max(x, s.x0 + s.radius), s.x1 - s.radius);
  const cy = Math.min(Math.max(y, s.y0 + s.radius), s.y1 - s.radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= s.radius ** 2;
}

/** One icon as PNG bytes, 4×4 supersampled so small sizes stay legible. */
export function iconPng(size: number): Buffer {
  const png = new PNG({ width: size, height: size });
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          let c: Rgba = [0, 0, 0, 0];
          for (const s of SHAPES) if (inside(s, x, y)) c = s.colour;
          for (let k = 0; k < 4; k++) acc[k] = (acc[k] ?? 0) + (k < 3 ? (c[k] ?? 0) * (c[3] / 255) : c[3]);
        }
      }
      const alpha = (acc[3] ?? 0) / (n * n);
      const o = (py * size + px) * 4;
      for (let k = 0; k < 3; k++) png.data[o + k] = alpha > 0 ? Math.round((acc[k] ?? 0) / (n * n) / (alpha / 255)) : 0;
      png.data[o + 3] = Math.round(alpha);
    }
  }
  return PNG.sync.write(png);
}

if (require.main === module) {
  const dir = path.join(__dirname, '..', '..', 'assets');
  for (const size of ICON_SIZES) {
    const file = path.join(dir, `icon-${size}.png`);
    fs.writeFileSync(file, iconPng(size));
    console.log(`${path.relative(process.cwd(), file)} ${size}×${size}`);
  }
}
