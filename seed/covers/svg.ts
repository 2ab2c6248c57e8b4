/**
 * Cover art for the demo courses and bundles: a 1280x720 SVG composed from the category (its
 * palette and motif) and the title (set in wrapped type on a calm band), deterministic from the
 * slug. Every piece of text is escaped; nothing in the file is scripted or fetched.
 *
 * Motifs: web - code brackets over a dot grid; data - a scatter plot with a fitted curve;
 * design - overlapping circles, triangles and squares; business - rising bars and a trend line;
 * cloud-devops - clouds above stacked containers; anything else - concentric rings.
 */

export const COVER_WIDTH = 1280;
export const COVER_HEIGHT = 720;

export interface CoverInput {
  /** Seeds the composition: the same slug always gives the same picture. */
  slug: string;
  title: string;
  /** Category slug (picks palette and motif); null or unknown: a neutral one. */
  category: string | null;
  /** The small line above the title (the category's name, "Bundle", ...). */
  label?: string;
}

interface Palette {
  /** Background gradient, top-left to bottom-right. */
  from: string;
  to: string;
  /** Motif colours, light to strong. */
  accents: [string, string, string];
}

const PALETTES: Record<string, Palette> = {
  'web-development': { from: '#1e3a8a', to: '#0f172a', accents: ['#93c5fd', '#60a5fa', '#fbbf24'] },
  'data-science': { from: '#115e59', to: '#042f2e', accents: ['#5eead4', '#2dd4bf', '#fde68a'] },
  design: { from: '#9d174d', to: '#3b0764', accents: ['#f9a8d4', '#fb923c', '#fde047'] },
  business: { from: '#78350f', to: '#1c1917', accents: ['#fcd34d', '#f59e0b', '#a7f3d0'] },
  'cloud-devops': { from: '#0c4a6e', to: '#111827', accents: ['#bae6fd', '#38bdf8', '#a5b4fc'] },
};
const NEUTRAL: Palette = { from: '#334155', to: '#0f172a', accents: ['#cbd5e1', '#94a3b8', '#fca5a5'] };

/** XML text and attribute values: the five characters that could end or open markup. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`);
}

/** FNV-1a of the seed (a slug, a name), then mulberry32: a small, stable pseudo-random stream. */
export function randomFrom(seed: string): () => number {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const r1 = (n: number) => Math.round(n * 10) / 10;

/**
 * The title broken into at most `maxLines` lines of about `perLine` characters (words are kept
 * whole; a word longer than a line is cut); an ellipsis ends a title that does not fit.
 */
export function wrapTitle(title: string, perLine: number, maxLines: number): { lines: string[]; complete: boolean } {
  const words = title.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = '';
  let i = 0;
  for (; i < words.length; i++) {
    const chars = [...words[i]!];
    const word = chars.length > perLine ? `${chars.slice(0, perLine - 1).join('')}…` : words[i]!;
    const next = current ? `${current} ${word}` : word;
    if ([...next].length <= perLine) {
      current = next;
      continue;
    }
    if (lines.length + 1 === maxLines) break;
    lines.push(current);
    current = word;
  }
  if (current) lines.push(current);
  const complete = i === words.length;
  if (!complete) lines[lines.length - 1] = `${lines[lines.length - 1]!.replace(/[\s,:;.-]+$/, '')}…`;
  return { lines, complete };
}

/** Title size and lines: the largest size at which the title fits in three lines. */
function titleLayout(title: string): { size: number; lines: string[] } {
  const width = 1060;
  for (const size of [84, 76, 68, 60]) {
    const perLine = Math.floor(width / (size * 0.6));
    const { lines, complete } = wrapTitle(title, perLine, 3);
    if (complete) return { size, lines };
  }
  return { size: 60, lines: wrapTitle(title, Math.floor(width / (60 * 0.6)), 3).lines };
}

type Motif = (rand: () => number, p: Palette) => string;

const web: Motif = (rand, p) => {
  const dots: string[] = [];
  for (let x = 700; x <= 1240; x += 40) {
    for (let y = 40; y <= 400; y += 40) {
      if (rand() < 0.55) dots.push(`<circle cx="${x}" cy="${y}" r="${r1(2 + rand() * 2)}"/>`);
    }
  }
  const grid = `<g fill="${p.accents[0]}" opacity="0.35">${dots.join('')}</g>`;
  const variant = Math.floor(rand() * 3);
  if (variant === 2) {
    // A browser window with lines of code.
    const x = 700 + rand() * 60;
    const lines: string[] = [];
    for (let i = 0; i < 6; i++) {
      const indent = [0, 1, 2, 2, 1, 0][i]! * 36;
      const w = 90 + rand() * 220;
      lines.push(
        `<rect x="${r1(x + 40 + indent)}" y="${120 + i * 44}" width="${r1(w)}" height="20" rx="10" fill="${i % 3 === 1 ? p.accents[2] : p.accents[1]}" opacity="${i % 3 === 1 ? 0.9 : 0.7}"/>`,
      );
    }
    return (
      grid +
      `<rect x="${r1(x)}" y="40" width="500" height="400" rx="18" fill="${p.to}" opacity="0.85" stroke="${p.accents[0]}" stroke-opacity="0.4" stroke-width="3"/>` +
      `<g fill="${p.accents[0]}" opacity="0.7"><circle cx="${r1(x + 30)}" cy="72" r="9"/><circle cx="${r1(x + 58)}" cy="72" r="9"/><circle cx="${r1(x + 86)}" cy="72" r="9"/></g>` +
      lines.join('')
    );
  }
  const cx = 930 + rand() * 80;
  const cy = 210 + rand() * 40;
  const s = 1 + rand() * 0.25;
  // "</>" or "{ }".
  const glyph =
    variant === 0
      ? `<path d="M-90 -110 L-190 0 L-90 110" stroke="${p.accents[1]}" stroke-width="34"/>` +
        `<path d="M90 -110 L190 0 L90 110" stroke="${p.accents[1]}" stroke-width="34"/>` +
        `<path d="M40 -140 L-40 140" stroke="${p.accents[2]}" stroke-width="30"/>`
      : `<path d="M-100 -140 Q-160 -140 -160 -80 V-30 Q-160 0 -200 0 Q-160 0 -160 30 V80 Q-160 140 -100 140" stroke="${p.accents[1]}" stroke-width="30"/>` +
        `<path d="M100 -140 Q160 -140 160 -80 V-30 Q160 0 200 0 Q160 0 160 30 V80 Q160 140 100 140" stroke="${p.accents[1]}" stroke-width="30"/>` +
        `<g fill="${p.accents[2]}" stroke="none"><circle cx="-50" cy="0" r="18"/><circle cx="0" cy="0" r="18"/><circle cx="50" cy="0" r="18"/></g>`;
  return (
    grid +
    `<g fill="none" stroke-linecap="round" stroke-linejoin="round" transform="translate(${r1(cx)} ${r1(cy)}) scale(${r1(s * 100) / 100})">${glyph}</g>` +
    `<rect x="${r1(720 + rand() * 60)}" y="470" width="${r1(220 + rand() * 160)}" height="18" rx="9" fill="${p.accents[0]}" opacity="0.25"/>`
  );
};

const data: Motif = (rand, p) => {
  const points: string[] = [];
  const a = 0.4 + rand() * 0.5;
  const curve = (x: number) => 400 - a * 300 * Math.sin(((x - 640) / 600) * Math.PI * 0.9) - (x - 640) * 0.25;
  for (let i = 0; i < 46; i++) {
    const x = 660 + rand() * 580;
    const y = curve(x) + (rand() - 0.5) * 150;
    const r = 5 + rand() * 9;
    points.push(
      `<circle cx="${r1(x)}" cy="${r1(Math.max(30, Math.min(560, y)))}" r="${r1(r)}" opacity="${r1(0.45 + rand() * 0.5)}"/>`,
    );
  }
  const path: string[] = [];
  for (let x = 640; x <= 1260; x += 20) path.push(`${x === 640 ? 'M' : 'L'}${x} ${r1(curve(x))}`);
  return (
    `<g stroke="${p.accents[0]}" stroke-width="2" opacity="0.3"><path d="M660 580 H1240"/><path d="M660 40 V580"/></g>` +
    `<g fill="${p.accents[1]}">${points.join('')}</g>` +
    `<path d="${path.join(' ')}" fill="none" stroke="${p.accents[2]}" stroke-width="10" stroke-linecap="round"/>`
  );
};

const design: Motif = (rand, p) => {
  const shapes: string[] = [];
  for (let i = 0; i < 7; i++) {
    const x = 700 + rand() * 520;
    const y = 60 + rand() * 440;
    const s = 60 + rand() * 120;
    const fill = p.accents[i % 3]!;
    const opacity = r1(0.55 + rand() * 0.4);
    const kind = Math.floor(rand() * 3);
    if (kind === 0)
      shapes.push(`<circle cx="${r1(x)}" cy="${r1(y)}" r="${r1(s / 1.6)}" fill="${fill}" opacity="${opacity}"/>`);
    else if (kind === 1) {
      shapes.push(
        `<path d="M${r1(x)} ${r1(y - s / 1.3)} L${r1(x + s / 1.1)} ${r1(y + s / 1.8)} L${r1(x - s / 1.1)} ${r1(y + s / 1.8)} Z" fill="${fill}" opacity="${opacity}"/>`,
      );
    } else {
      shapes.push(
        `<rect x="${r1(x - s / 2)}" y="${r1(y - s / 2)}" width="${r1(s)}" height="${r1(s)}" rx="${r1(s / 8)}" fill="${fill}" opacity="${opacity}" transform="rotate(${Math.round(rand() * 40 - 20)} ${r1(x)} ${r1(y)})"/>`,
      );
    }
  }
  return `<g style="mix-blend-mode:screen">${shapes.join('')}</g>`;
};

const business: Motif = (rand, p) => {
  const bars: string[] = [];
  const tops: [number, number][] = [];
  const n = 7;
  let h = 80 + rand() * 60;
  for (let i = 0; i < n; i++) {
    const x = 700 + i * 76;
    h = Math.min(520, h + 20 + rand() * 70);
    const y = 580 - h;
    tops.push([x + 26, y]);
    bars.push(
      `<rect x="${x}" y="${r1(y)}" width="52" height="${r1(h)}" rx="6" fill="${i === n - 1 ? p.accents[1] : p.accents[0]}" opacity="${i === n - 1 ? 1 : 0.55}"/>`,
    );
  }
  const line = tops.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x} ${r1(y - 40)}`).join(' ');
  return (
    bars.join('') +
    `<path d="${line}" fill="none" stroke="${p.accents[2]}" stroke-width="8" stroke-linecap="round" stroke-linejoin="round"/>` +
    `<circle cx="${tops[n - 1]![0]}" cy="${r1(tops[n - 1]![1] - 40)}" r="14" fill="${p.accents[2]}"/>`
  );
};

const cloud = (x: number, y: number, s: number, fill: string, opacity: number) =>
  `<g transform="translate(${r1(x)} ${r1(y)}) scale(${r1(s * 100) / 100})" fill="${fill}" opacity="${opacity}">` +
  '<circle cx="0" cy="0" r="50"/><circle cx="55" cy="-25" r="62"/><circle cx="120" cy="0" r="48"/>' +
  '<rect x="0" y="-10" width="120" height="58" rx="20"/></g>';

const cloudDevops: Motif = (rand, p) => {
  const clouds = [
    cloud(760 + rand() * 80, 110 + rand() * 40, 1 + rand() * 0.3, p.accents[0], 0.85),
    cloud(1030 + rand() * 60, 80 + rand() * 50, 0.7 + rand() * 0.3, p.accents[2], 0.6),
  ];
  const boxes: string[] = [];
  const cols = 3 + Math.floor(rand() * 2);
  for (let c = 0; c < cols; c++) {
    const height = 1 + Math.floor(rand() * 3);
    for (let r = 0; r < height; r++) {
      const x = 740 + c * 120;
      const y = 500 - r * 78;
      boxes.push(
        `<rect x="${x}" y="${y}" width="104" height="66" rx="8" fill="${r === height - 1 ? p.accents[1] : p.accents[0]}" opacity="${r === height - 1 ? 0.95 : 0.5}"/>` +
          `<path d="M${x + 18} ${y + 20} V${y + 46} M${x + 40} ${y + 20} V${y + 46} M${x + 62} ${y + 20} V${y + 46} M${x + 84} ${y + 20} V${y + 46}" stroke="${p.to}" stroke-width="6" stroke-linecap="round" opacity="0.5"/>`,
      );
    }
  }
  return `${clouds.join('')}<path d="M720 572 H1240" stroke="${p.accents[0]}" stroke-width="6" opacity="0.5"/>${boxes.join('')}`;
};

const rings: Motif = (rand, p) => {
  const cx = 980 + rand() * 120;
  const cy = 240 + rand() * 80;
  const out: string[] = [];
  for (let i = 6; i >= 1; i--) {
    out.push(
      `<circle cx="${r1(cx)}" cy="${r1(cy)}" r="${i * 42}" fill="none" stroke="${p.accents[i % 3]}" stroke-width="14" opacity="${r1(0.2 + i * 0.1)}"/>`,
    );
  }
  return out.join('');
};

const MOTIFS: Record<string, Motif> = {
  'web-development': web,
  'data-science': data,
  design,
  business,
  'cloud-devops': cloudDevops,
};

/** The cover as an SVG document (UTF-8 text). */
export function coverSvg(input: CoverInput): string {
  const known = input.category !== null && Object.hasOwn(PALETTES, input.category);
  const p = known ? PALETTES[input.category!]! : NEUTRAL;
  const motif = known ? MOTIFS[input.category!]! : rings;
  const rand = randomFrom(input.slug);
  const { size, lines } = titleLayout(input.title);
  const lineHeight = Math.round(size * 1.12);
  const lastBaseline = 640;
  const firstBaseline = lastBaseline - (lines.length - 1) * lineHeight;
  const label = (input.label ?? '').trim().toUpperCase();
  const angle = Math.round(rand() * 360);
  const text = lines
    .map((line, i) => `<tspan x="96" y="${firstBaseline + i * lineHeight}">${escapeXml(line)}</tspan>`)
    .join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${COVER_WIDTH} ${COVER_HEIGHT}" width="${COVER_WIDTH}" height="${COVER_HEIGHT}" role="img" aria-label="${escapeXml(input.title)}">`,
    `<title>${escapeXml(input.title)}</title>`,
    '<defs>',
    `<linearGradient id="bg" gradientTransform="rotate(${angle % 60} 0.5 0.5)"><stop offset="0" stop-color="${p.from}"/><stop offset="1" stop-color="${p.to}"/></linearGradient>`,
    `<linearGradient id="band" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${p.to}" stop-opacity="0"/><stop offset="0.45" stop-color="${p.to}" stop-opacity="0.85"/><stop offset="1" stop-color="${p.to}" stop-opacity="0.95"/></linearGradient>`,
    '</defs>',
    `<rect width="${COVER_WIDTH}" height="${COVER_HEIGHT}" fill="url(#bg)"/>`,
    motif(rand, p),
    `<rect y="${firstBaseline - size - 110}" width="${COVER_WIDTH}" height="${COVER_HEIGHT - (firstBaseline - size - 110)}" fill="url(#band)"/>`,
    label
      ? `<text x="96" y="${firstBaseline - size - 24}" fill="${p.accents[0]}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif" font-size="30" font-weight="600" letter-spacing="4">${escapeXml(label)}</text>`
      : '',
    `<text fill="#ffffff" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif" font-size="${size}" font-weight="700">${text}</text>`,
    '</svg>',
  ].join('\n');
}
