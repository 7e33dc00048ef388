import type { RgbaImage } from './png';

/** Rebound's accent colour: a calm teal, also the manifest's `accentColor`. */
export const ACCENT_COLOR = '#2E7D74';

type Point = readonly [number, number];

/**
 * The mark, in unit coordinates (0..1, y down): a path that dips and climbs back up, the "rebound",
 * with a ball just above where it ends.
 */
const CURVE_START: Point = [0.2, 0.36];
const CURVE_CONTROL: Point = [0.4, 1.0];
const CURVE_END: Point = [0.7, 0.42];
const BALL_CENTER: Point = [0.77, 0.25];
const BALL_RADIUS = 0.085;

function bezier(t: number): Point {
  const u = 1 - t;
  return [
    u * u * CURVE_START[0] + 2 * u * t * CURVE_CONTROL[0] + t * t * CURVE_END[0],
    u * u * CURVE_START[1] + 2 * u * t * CURVE_CONTROL[1] + t * t * CURVE_END[1],
  ];
}

const CURVE_POINTS: Point[] = Array.from({ length: 97 }, (_, i) => bezier(i / 96));

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

function distanceToCurve(p: Point): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 1; i < CURVE_POINTS.length; i++) {
    best = Math.min(best, distanceToSegment(p, CURVE_POINTS[i - 1]!, CURVE_POINTS[i]!));
  }
  return best;
}

/** How much of a pixel a shape covers, from its signed distance (negative inside), anti-aliased over one pixel. */
function coverage(signedDistance: number, pixelSize: number): number {
  return Math.max(0, Math.min(1, 0.5 - signedDistance / pixelSize));
}

/** Coverage of the mark (stroke with round ends, plus the ball) at the centre of pixel (x, y). */
function markCoverage(x: number, y: number, size: number, strokeHalfWidth: number): number {
  const p: Point = [(x + 0.5) / size, (y + 0.5) / size];
  const stroke = coverage(distanceToCurve(p) - strokeHalfWidth, 1 / size);
  const ball = coverage(Math.hypot(p[0] - BALL_CENTER[0], p[1] - BALL_CENTER[1]) - BALL_RADIUS, 1 / size);
  return Math.max(stroke, ball);
}

function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}

/** The full-colour icon: white mark on a full-bleed teal square, as Teams asks for the 192x192 icon. */
export function drawColorIcon(size = 192): RgbaImage {
  const [r, g, b] = hexToRgb(ACCENT_COLOR);
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const a = markCoverage(x, y, size, 0.055);
      const i = (y * size + x) * 4;
      pixels[i] = Math.round(r + (255 - r) * a);
      pixels[i + 1] = Math.round(g + (255 - g) * a);
      pixels[i + 2] = Math.round(b + (255 - b) * a);
      pixels[i + 3] = 255;
    }
  }
  return { width: size, height: size, pixels };
}

/** The outline icon: the same mark in pure white on a transparent background (only alpha varies). */
export function drawOutlineIcon(size = 32): RgbaImage {
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      pixels[i] = 255;
      pixels[i + 1] = 255;
      pixels[i + 2] = 255;
      // A slightly thicker stroke keeps the mark readable at 32 pixels.
      pixels[i + 3] = Math.round(255 * markCoverage(x, y, size, 0.07));
    }
  }
  return { width: size, height: size, pixels };
}
