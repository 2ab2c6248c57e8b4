import { escapeXml, randomFrom } from './svg.ts';

/**
 * A generated portrait for a demo instructor: a 512x512 SVG of an abstract bust (head, neck,
 * shoulders, a hair shape and a collar) in front of a patterned backdrop, with a small monogram
 * badge. Everything comes from the name and the expertise: the name picks the palette, hair and
 * collar, the expertise the backdrop's pattern, so the same instructor always gets the same
 * picture. Every piece of text is escaped; nothing in the file is scripted or fetched.
 */

export const PORTRAIT_SIZE = 512;

export interface PortraitInput {
  /** The name on the card ("Maya Chen"): seeds the composition and gives the monogram. */
  name: string;
  expertise: readonly string[];
}

interface Palette {
  /** Backdrop gradient, top to bottom. */
  from: string;
  to: string;
  /** The pattern's colour (drawn faintly). */
  pattern: string;
  /** Head and neck, hair, clothes, and the badge. */
  skin: string;
  hair: string;
  clothes: string;
  badge: string;
}

const PALETTES: Palette[] = [
  {
    from: '#1e3a8a',
    to: '#0f172a',
    pattern: '#93c5fd',
    skin: '#f3c9a5',
    hair: '#2b1d16',
    clothes: '#f59e0b',
    badge: '#fbbf24',
  },
  {
    from: '#115e59',
    to: '#042f2e',
    pattern: '#5eead4',
    skin: '#c68863',
    hair: '#1c1917',
    clothes: '#e11d48',
    badge: '#fde68a',
  },
  {
    from: '#9d174d',
    to: '#3b0764',
    pattern: '#f9a8d4',
    skin: '#8d5a3b',
    hair: '#0f0a08',
    clothes: '#38bdf8',
    badge: '#fde047',
  },
  {
    from: '#78350f',
    to: '#1c1917',
    pattern: '#fcd34d',
    skin: '#e0ac85',
    hair: '#7c2d12',
    clothes: '#0d9488',
    badge: '#a7f3d0',
  },
  {
    from: '#0c4a6e',
    to: '#111827',
    pattern: '#bae6fd',
    skin: '#a86b4c',
    hair: '#3f2a1d',
    clothes: '#a855f7',
    badge: '#a5b4fc',
  },
  {
    from: '#3f6212',
    to: '#1a2e05',
    pattern: '#d9f99d',
    skin: '#f1c27d',
    hair: '#b45309',
    clothes: '#1d4ed8',
    badge: '#fef08a',
  },
  {
    from: '#4c1d95',
    to: '#1e1b4b',
    pattern: '#c4b5fd',
    skin: '#ffdbac',
    hair: '#4b5563',
    clothes: '#10b981',
    badge: '#fda4af',
  },
];

const r1 = (n: number) => Math.round(n * 10) / 10;

/** Up to two initials: the first letters of the first and last words ("Maya Chen" -> "MC"). */
export function monogram(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = [...(words[0] ?? '')][0] ?? '';
  const last = words.length > 1 ? ([...words[words.length - 1]!][0] ?? '') : '';
  return `${first}${last}`.toUpperCase();
}

type Pattern = (rand: () => number, color: string) => string;

/** Backdrop patterns, one per expertise seed: dots, diagonal stripes, arcs, a triangle lattice. */
const PATTERNS: Pattern[] = [
  (rand, color) => {
    const dots: string[] = [];
    for (let x = 24; x < PORTRAIT_SIZE; x += 40) {
      for (let y = 24; y < PORTRAIT_SIZE; y += 40) {
        if (rand() < 0.6) dots.push(`<circle cx="${x}" cy="${y}" r="${r1(2 + rand() * 4)}"/>`);
      }
    }
    return `<g fill="${color}" opacity="0.3">${dots.join('')}</g>`;
  },
  (rand, color) => {
    const gap = 28 + Math.floor(rand() * 16);
    const lines: string[] = [];
    for (let x = -PORTRAIT_SIZE; x < PORTRAIT_SIZE; x += gap)
      lines.push(`M${x} ${PORTRAIT_SIZE} L${x + PORTRAIT_SIZE} 0`);
    return `<path d="${lines.join(' ')}" stroke="${color}" stroke-width="${r1(4 + rand() * 6)}" opacity="0.18"/>`;
  },
  (rand, color) => {
    const cx = r1(rand() * PORTRAIT_SIZE);
    const arcs: string[] = [];
    for (let r = 60; r < 720; r += 56) arcs.push(`<circle cx="${cx}" cy="0" r="${r}"/>`);
    return `<g fill="none" stroke="${color}" stroke-width="10" opacity="0.2">${arcs.join('')}</g>`;
  },
  (rand, color) => {
    const tris: string[] = [];
    for (let row = 0; row < 9; row++) {
      for (let col = 0; col < 9; col++) {
        if (rand() < 0.45) continue;
        const x = col * 60 + (row % 2) * 30;
        const y = row * 60;
        tris.push(`M${x} ${y + 44} L${x + 22} ${y + 6} L${x + 44} ${y + 44} Z`);
      }
    }
    return `<path d="${tris.join(' ')}" fill="${color}" opacity="0.2"/>`;
  },
];

/** Hair shapes over a head at (256, 196) of radius 84: short cap, side part, bun, long. */
const HAIR = [
  'M172 200 C168 120 216 96 256 96 C300 96 344 120 340 200 C324 160 296 140 256 140 C216 140 188 160 172 200 Z',
  'M170 210 C160 130 210 92 262 94 C318 96 352 140 340 214 C330 170 300 132 236 136 C206 140 184 170 170 210 Z',
  'M172 196 C170 126 216 102 256 102 C296 102 342 126 340 196 C320 150 292 138 256 138 C220 138 192 150 172 196 Z M224 92 A32 32 0 1 1 288 92 A32 32 0 1 1 224 92 Z',
  'M164 300 C150 210 160 104 256 100 C352 104 362 210 348 300 L320 300 C330 230 320 150 256 146 C192 150 182 230 192 300 Z',
];

/** Collars over the shoulders: a V-neck, a round neck, an open jacket. */
const COLLARS = [
  (c: string) =>
    `<path d="M220 322 L256 392 L292 322" fill="none" stroke="${c}" stroke-width="10" stroke-linejoin="round"/>`,
  (c: string) =>
    `<path d="M214 324 Q256 368 298 324" fill="none" stroke="${c}" stroke-width="12" stroke-linecap="round"/>`,
  (c: string) => `<path d="M214 320 L256 420 L298 320 L318 332 L256 512 L194 332 Z" fill="${c}" opacity="0.55"/>`,
];

/** The portrait as an SVG document (UTF-8 text). */
export function portraitSvg(input: PortraitInput): string {
  const name = input.name.trim();
  const byName = randomFrom(`who:${name}`);
  const byExpertise = randomFrom(`expertise:${input.expertise.join('|')}`);
  const p = PALETTES[Math.floor(byName() * PALETTES.length)]!;
  const hair = HAIR[Math.floor(byName() * HAIR.length)]!;
  const collar = COLLARS[Math.floor(byName() * COLLARS.length)]!;
  const pattern = PATTERNS[Math.floor(byExpertise() * PATTERNS.length)]!;
  const tilt = Math.round(byName() * 10 - 5);
  const shoulder = r1(96 + byName() * 30);
  const initials = escapeXml(monogram(name));
  const label = escapeXml(name);
  const S = PORTRAIT_SIZE;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${S} ${S}" width="${S}" height="${S}" role="img" aria-label="${label}">`,
    `<title>${label}</title>`,
    '<defs>',
    `<linearGradient id="bg" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${p.from}"/><stop offset="1" stop-color="${p.to}"/></linearGradient>`,
    `<radialGradient id="glow" cx="0.5" cy="0.42" r="0.5"><stop offset="0" stop-color="${p.pattern}" stop-opacity="0.35"/><stop offset="1" stop-color="${p.pattern}" stop-opacity="0"/></radialGradient>`,
    '</defs>',
    `<rect width="${S}" height="${S}" fill="url(#bg)"/>`,
    pattern(byExpertise, p.pattern),
    `<circle cx="256" cy="230" r="230" fill="url(#glow)"/>`,
    `<g transform="rotate(${tilt} 256 512)">`,
    `<path d="M${shoulder} ${S} C${shoulder} 390 170 336 256 336 C342 336 ${S - shoulder} 390 ${S - shoulder} ${S} Z" fill="${p.clothes}"/>`,
    `<rect x="226" y="250" width="60" height="92" rx="26" fill="${p.skin}"/>`,
    `<path d="M226 300 Q256 322 286 300 L286 320 Q256 340 226 320 Z" fill="${p.to}" opacity="0.18"/>`,
    `<ellipse cx="256" cy="196" rx="80" ry="92" fill="${p.skin}"/>`,
    `<path d="${hair}" fill="${p.hair}"/>`,
    collar(p.to),
    '</g>',
    `<circle cx="430" cy="430" r="54" fill="${p.to}" stroke="${p.badge}" stroke-width="6"/>`,
    `<text x="430" y="446" text-anchor="middle" fill="${p.badge}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif" font-size="44" font-weight="700" letter-spacing="1">${initials}</text>`,
    '</svg>',
  ].join('\n');
}
