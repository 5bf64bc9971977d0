/**
 * The demo's artwork as SVG (sharp renders it; its text uses whatever fonts fontconfig finds, and
 * the shapes alone still read without any). Everything about the product and its study is fictional.
 */

export interface Artwork {
  title: string;
  subtitle: string;
  /** A small bar chart: what is compared, and the values (the first is the reference, 100). */
  chart: { caption: string; bars: Array<{ label: string; value: number }> };
  /** The claim the chart supports, printed as the footnote with its reference. */
  claim: string;
  reference: string;
  /** Up to three short points under the chart. */
  points?: string[];
  /** Accent colour of the piece. */
  accent: string;
}

const FONT = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';
export const PRODUCT = 'Cardiovex®';
export const DISCLAIMER = 'Document fictif de démonstration — Vetted';

export function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** Splits text into lines of at most `max` characters, on spaces. */
export function wrap(value: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of value.split(/\s+/)) {
    if (line && line.length + word.length + 1 > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function textLines(lines: string[], x: number, y: number, size: number, attrs: string, leading = 1.25): string {
  return lines.map((l, i) => `<text x="${x}" y="${y + i * size * leading}" font-family="${FONT}" font-size="${size}" ${attrs}>${escapeXml(l)}</text>`).join('');
}

/** Bars scaled into a box at (x, y) of w × h, values printed above them. */
function barChart(chart: Artwork['chart'], accent: string, x: number, y: number, w: number, h: number, scale = 1): string {
  const max = Math.max(...chart.bars.map((b) => b.value));
  const slot = w / chart.bars.length;
  const bars = chart.bars
    .map((bar, i) => {
      const bh = Math.round((bar.value / max) * (h - 60 * scale));
      const bx = x + i * slot + slot * 0.2;
      const by = y + h - 30 * scale - bh;
      const fill = i === 0 ? '#94a3b8' : accent;
      return `<rect x="${bx}" y="${by}" width="${slot * 0.6}" height="${bh}" rx="${6 * scale}" fill="${fill}"/>
        <text x="${bx + slot * 0.3}" y="${by - 10 * scale}" font-family="${FONT}" font-size="${22 * scale}" font-weight="bold" fill="#0f172a" text-anchor="middle">${bar.value}</text>
        <text x="${bx + slot * 0.3}" y="${y + h - 6 * scale}" font-family="${FONT}" font-size="${17 * scale}" fill="#334155" text-anchor="middle">${escapeXml(bar.label)}</text>`;
    })
    .join('');
  return `<line x1="${x}" y1="${y + h - 30 * scale}" x2="${x + w}" y2="${y + h - 30 * scale}" stroke="#cbd5e1" stroke-width="${2 * scale}"/>${bars}`;
}

/** A portrait infographic (1080 × 1350, the social format): title, key figure chart, claim footnote. */
export function infographicSvg(a: Artwork): string {
  const W = 1080;
  const H = 1350;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">
    <rect width="${W}" height="${H}" fill="#f8fafc"/>
    <rect width="${W}" height="380" fill="${a.accent}"/>
    <circle cx="${W - 120}" cy="90" r="220" fill="#ffffff" fill-opacity="0.08"/>
    <path d="M${W - 190} 150 c-40 -60 -130 -20 -100 50 c15 35 60 65 100 95 c40 -30 85 -60 100 -95 c30 -70 -60 -110 -100 -50 z" fill="#ffffff" fill-opacity="0.9"/>
    <text x="70" y="90" font-family="${FONT}" font-size="28" font-weight="bold" fill="#ffffff" fill-opacity="0.85" letter-spacing="3">${escapeXml(PRODUCT.toUpperCase())}</text>
    ${textLines(wrap(a.title, 30), 70, 170, 52, 'font-weight="bold" fill="#ffffff"', 1.2)}
    ${textLines(wrap(a.subtitle, 52), 70, 330, 28, 'fill="#ffffff" fill-opacity="0.9"')}
    <rect x="60" y="440" width="${W - 120}" height="560" rx="24" fill="#ffffff" stroke="#e2e8f0" stroke-width="2"/>
    ${textLines(wrap(a.chart.caption, 48), 100, 510, 30, 'font-weight="bold" fill="#0f172a"')}
    ${barChart(a.chart, a.accent, 100, 580, W - 200, 390)}
    ${(a.points ?? []).slice(0, 3).map((point, i) => `<circle cx="110" cy="${1070 + i * 52}" r="11" fill="${a.accent}"/>${textLines([point], 140, 1080 + i * 52, 28, 'fill="#1e293b"')}`).join('')}
    <line x1="60" y1="1230" x2="${W - 60}" y2="1230" stroke="#cbd5e1" stroke-width="2"/>
    ${textLines(wrap(`* ${a.claim} ${a.reference}`, 92), 60, 1262, 17, 'fill="#475569"')}
    <text x="${W - 60}" y="${H - 20}" font-family="${FONT}" font-size="15" fill="#94a3b8" text-anchor="end">${escapeXml(DISCLAIMER)}</text>
  </svg>`;
}

/** One A4 page of a PDF leaflet (at 150 dpi: 1240 × 1754): page 1 the key figure, page 2 the claim, its reference and the mentions. */
export function leafletPageSvg(a: Artwork, page: 1 | 2): string {
  const W = 1240;
  const H = 1754;
  const head = `<rect width="${W}" height="${H}" fill="#ffffff"/><rect width="${W}" height="24" fill="${a.accent}"/>
    <text x="90" y="120" font-family="${FONT}" font-size="30" font-weight="bold" fill="${a.accent}" letter-spacing="3">${escapeXml(PRODUCT.toUpperCase())}</text>
    <text x="${W - 90}" y="${H - 50}" font-family="${FONT}" font-size="20" fill="#94a3b8" text-anchor="end">${escapeXml(DISCLAIMER)} · ${page}/2</text>`;
  if (page === 1) {
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">${head}
      ${textLines(wrap(a.title, 28), 90, 240, 64, 'font-weight="bold" fill="#0f172a"', 1.2)}
      ${textLines(wrap(a.subtitle, 50), 90, 480, 34, 'fill="#334155"')}
      <rect x="90" y="620" width="${W - 180}" height="760" rx="28" fill="#f8fafc" stroke="#e2e8f0" stroke-width="3"/>
      ${textLines(wrap(a.chart.caption, 44), 140, 710, 36, 'font-weight="bold" fill="#0f172a"')}
      ${barChart(a.chart, a.accent, 140, 800, W - 280, 540, 1.4)}
      ${textLines(wrap(`* ${a.claim}`, 80), 90, 1460, 24, 'fill="#475569"')}
    </svg>`;
  }
  const paragraphs = [
    `${a.claim} ${a.reference}`,
    'Indication : traitement de l’insuffisance cardiaque chronique symptomatique à fraction d’éjection réduite, chez l’adulte, en association au traitement standard.',
    'Avant de prescrire, consultez le résumé des caractéristiques du produit. Déclarez tout effet indésirable suspecté.',
  ];
  let y = 260;
  const body = paragraphs
    .map((p) => {
      const lines = wrap(p, 70);
      const svg = textLines(lines, 90, y, 30, 'fill="#1e293b"', 1.35);
      y += lines.length * 30 * 1.35 + 50;
      return svg;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">${head}
    <text x="90" y="200" font-family="${FONT}" font-size="44" font-weight="bold" fill="#0f172a">Références et mentions</text>
    ${body}
    ${[0, 1, 2, 3, 4, 5, 6].map((i) => `<rect x="90" y="${y + 40 + i * 44}" width="${[1000, 940, 1040, 880, 990, 720, 860][i]}" height="18" rx="9" fill="#e2e8f0"/>`).join('')}
  </svg>`;
}

/** The three overlays of a short video (640 × 360, transparent outside the text panels): title, key message with its chart, claim. */
export function videoSlideSvgs(a: Artwork & { kicker: string }): string[] {
  const W = 640;
  const H = 360;
  const frame = (inner: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">${inner}
    <text x="${W - 20}" y="30" font-family="${FONT}" font-size="13" fill="#ffffff" fill-opacity="0.85" text-anchor="end">${escapeXml(PRODUCT)} · usage professionnel</text></svg>`;
  return [
    frame(`<rect x="0" y="210" width="${W}" height="150" fill="#0f172a" fill-opacity="0.72"/><rect x="28" y="232" width="6" height="96" fill="${a.accent}"/>
      ${textLines(wrap(a.title, 38), 48, 262, 25, 'font-weight="bold" fill="#ffffff"', 1.2)}
      ${textLines([a.kicker], 48, 336, 17, 'fill="#e2e8f0"')}`),
    frame(`<rect x="40" y="40" width="${W - 80}" height="${H - 80}" rx="16" fill="#ffffff" fill-opacity="0.94"/>
      ${textLines(wrap(a.chart.caption, 46), 70, 85, 19, 'font-weight="bold" fill="#0f172a"')}
      ${barChart(a.chart, a.accent, 70, 110, W - 140, 200, 0.75)}`),
    frame(`<rect x="0" y="0" width="${W}" height="${H}" fill="#0f172a" fill-opacity="0.8"/>
      ${textLines(wrap(a.claim, 52), 40, 120, 20, 'fill="#ffffff"', 1.35)}
      ${textLines(wrap(a.reference, 70), 40, 290, 13, 'fill="#cbd5e1"')}
      <text x="40" y="330" font-family="${FONT}" font-size="12" fill="#94a3b8">${escapeXml(DISCLAIMER)}</text>`),
  ];
}
