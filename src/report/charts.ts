/**
 * Small charts as inline SVG for the training report: a line of scores over attempts and horizontal
 * bars. Pure and deterministic (the same data gives the same bytes); every label is escaped.
 */
import { escapeXml } from '../pictures/frameSvg.js';

export interface ScorePoint {
  /** 0..100 */
  percent: number;
  passed: boolean;
  label: string;
}

const FONT = 'font-family="DejaVu Sans, sans-serif" font-size="11"';
const PASS = '#1a7f37';
const FAIL = '#cf222e';

/** Scores in % over the attempts in order, the pass mark as a dashed line; a dot per attempt, green passed, red not. */
export function scoreChart(title: string, points: readonly ScorePoint[], passPercent: number): string {
  const [w, h, left, top, bottom, right] = [480, 200, 36, 12, 28, 12];
  const plotW = w - left - right;
  const plotH = h - top - bottom;
  const x = (i: number) => left + (points.length <= 1 ? plotW / 2 : (i * plotW) / (points.length - 1));
  const y = (p: number) => top + plotH - (p / 100) * plotH;
  const grid = [0, 50, 100].map((p) => `<line x1="${left}" x2="${w - right}" y1="${y(p)}" y2="${y(p)}" stroke="#d0d7de"/><text x="${left - 4}" y="${y(p) + 4}" text-anchor="end" ${FONT}>${p}%</text>`);
  const pass = `<line class="pass-mark" x1="${left}" x2="${w - right}" y1="${y(passPercent)}" y2="${y(passPercent)}" stroke="#9a6700" stroke-dasharray="4 3"/>`;
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${round(x(i))} ${round(y(p.percent))}`).join(' ');
  const dots = points.map((p, i) => `<circle class="attempt" cx="${round(x(i))}" cy="${round(y(p.percent))}" r="4" fill="${p.passed ? PASS : FAIL}"><title>${escapeXml(`${p.label}: ${p.percent}%`)}</title></circle>`);
  const ticks = points.map((_, i) => `<text x="${round(x(i))}" y="${h - 10}" text-anchor="middle" ${FONT}>${i + 1}</text>`);
  return svg(w, h, title, [...grid, pass, points.length > 1 ? `<path d="${path}" fill="none" stroke="#0969da" stroke-width="2"/>` : '', ...dots, ...ticks].join(''));
}

export interface Bar {
  label: string;
  value: number;
  /** what is written at the bar's end */
  text: string;
}

/** Horizontal bars, longest `max`; `good` colours them green, else red (mistakes). */
export function barChart(title: string, bars: readonly Bar[], max: number, good: boolean): string {
  const [w, labelW, rowH, top] = [480, 150, 20, 6];
  const h = top * 2 + Math.max(1, bars.length) * rowH;
  const barW = w - labelW - 60;
  const rows = bars.map((b, i) => {
    const y = top + i * rowH;
    const len = max > 0 ? round((b.value / max) * barW) : 0;
    return `<g class="bar"><text x="${labelW - 6}" y="${y + 14}" text-anchor="end" ${FONT}>${escapeXml(b.label)}</text><rect x="${labelW}" y="${y + 3}" width="${len}" height="${rowH - 6}" fill="${good ? PASS : FAIL}"/><text x="${labelW + len + 4}" y="${y + 14}" ${FONT}>${escapeXml(b.text)}</text></g>`;
  });
  const empty = bars.length === 0 ? `<text x="${labelW}" y="${top + 14}" ${FONT}>none</text>` : '';
  return svg(w, h, title, rows.join('') + empty);
}

const round = (n: number): number => Math.round(n * 10) / 10;

function svg(w: number, h: number, title: string, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}"><title>${escapeXml(title)}</title><rect width="${w}" height="${h}" fill="#fff"/>${body}</svg>`;
}
