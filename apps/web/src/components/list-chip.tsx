// A channel or segment as a chip in its list colour (set by admins), with text that stays readable on it.
import type { CSSProperties } from 'react';

/** Black or white, whichever reads better on `hex` (#rrggbb), by the WCAG relative luminance. */
export function chipTextColour(hex: string): '#000000' | '#ffffff' {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return '#000000';
  const [r, g, b] = m.slice(1).map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // Contrast with white is (1.05)/(L+0.05), with black (L+0.05)/0.05: equal at L ≈ 0.179.
  return luminance > 0.179 ? '#000000' : '#ffffff';
}

export function chipStyle(colour: string): CSSProperties {
  return { background: colour, color: chipTextColour(colour), borderColor: colour };
}

export function ListChip({ name, colour, title }: { name: string; colour: string | undefined; title?: string }) {
  return (
    <span className="list-chip" style={colour ? chipStyle(colour) : undefined} title={title}>
      {name}
    </span>
  );
}
