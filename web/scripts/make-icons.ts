/**
 * `npx tsx web/scripts/make-icons.ts`: draws the app icons (the header's flame on an ember-dark tile) as PNGs into
 * web/public/icons/, with no image library: the flame path is sampled into a polygon and filled with 4×4
 * supersampling, the PNG written with node:zlib. The PNGs are committed; run this again only to change the design.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

type Point = [number, number];
type Rgb = [number, number, number];

const BACKGROUND: Rgb = [0x1f, 0x1c, 0x19];
const FLAME: Rgb = [0xf9, 0x73, 0x16];

/** The header logo's path (viewBox 0 0 16 16), as absolute cubic segments and its bottom half-circle. */
function flamePolygon(): Point[] {
  const points: Point[] = [];
  const cubic = (p0: Point, p1: Point, p2: Point, p3: Point) => {
    for (let i = 1; i <= 24; i++) {
      const t = i / 24;
      const u = 1 - t;
      points.push([
        u * u * u * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t * t * t * p3[0],
        u * u * u * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t * t * t * p3[1],
      ]);
    }
  };
  const start: Point = [8, 1];
  points.push(start);
  cubic(start, [8.6, 3.6], [12.5, 5.3], [12.5, 9.3]); // c.6 2.6 4.5 4.3 4.5 8.3
  for (let i = 1; i <= 48; i++) {
    const angle = (Math.PI * i) / 48; // the arc from (12.5, 9.3) round the bottom to (3.5, 9.3)
    points.push([8 + 4.5 * Math.cos(angle), 9.3 + 4.5 * Math.sin(angle)]);
  }
  cubic([3.5, 9.3], [3.5, 7.5], [4.5, 6.3], [5.4, 5.5]); // c0-1.8 1-3 1.9-3.8
  cubic([5.4, 5.5], [5.3, 7], [6, 8], [6.9, 8.3]); // -.1 1.5.6 2.5 1.5 2.8
  cubic([6.9, 8.3], [6.5, 5.6], [7.2, 3], [8, 1]); // C6.5 5.6 7.2 3 8 1
  return points;
}

function inside(polygon: Point[], x: number, y: number): boolean {
  let hit = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i]!;
    const [xj, yj] = polygon[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

/** An RGBA image: the tile (rounded unless `fullBleed`) with the flame at `scale` of its size, centred. */
function draw(size: number, { fullBleed, scale }: { fullBleed: boolean; scale: number }): Buffer {
  const polygon = flamePolygon();
  const pixels = Buffer.alloc(size * size * 4);
  const radius = fullBleed ? 0 : size * 0.18;
  const flameSize = size * scale;
  const offset = (size - flameSize) / 2;
  const samples = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let tile = 0;
      let flame = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const px = x + (sx + 0.5) / samples;
          const py = y + (sy + 0.5) / samples;
          const cx = Math.min(Math.max(px, radius), size - radius);
          const cy = Math.min(Math.max(py, radius), size - radius);
          if (radius === 0 || (px - cx) ** 2 + (py - cy) ** 2 <= radius ** 2) tile++;
          if (inside(polygon, ((px - offset) / flameSize) * 16, ((py - offset) / flameSize) * 16)) flame++;
        }
      }
      const n = samples * samples;
      const f = flame / n;
      const i = (y * size + x) * 4;
      for (let c = 0; c < 3; c++) pixels[i + c] = Math.round(BACKGROUND[c]! * (1 - f) + FLAME[c]! * f);
      pixels[i + 3] = Math.round((tile / n) * 255);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function png(size: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = fileURLToPath(new URL('../public/icons/', import.meta.url));
mkdirSync(out, { recursive: true });
const icons = [
  { file: 'icon-192.png', size: 192, fullBleed: false, scale: 0.72 },
  { file: 'icon-512.png', size: 512, fullBleed: false, scale: 0.72 },
  // Maskable: the platform cuts its own shape, so the tile fills the square and the flame stays in the safe zone.
  { file: 'maskable-512.png', size: 512, fullBleed: true, scale: 0.56 },
  { file: 'apple-touch-icon-180.png', size: 180, fullBleed: true, scale: 0.66 },
];
for (const icon of icons) {
  writeFileSync(`${out}${icon.file}`, png(icon.size, draw(icon.size, icon)));
  console.log(`wrote ${icon.file}`);
}
