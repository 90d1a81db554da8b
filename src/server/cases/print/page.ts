// The frame every printed case paper shares: an A4 page in Chinese with a print stylesheet, the
// hall's name as letterhead, and the pieces the papers have in common (material lines, the date
// in Chinese, the QR code to the tracking page). Everything that comes from data is escaped.
import { encode } from 'uqr';
import type { LocalDate } from '../../../core/calendar/local-date.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(value: string | number | null | undefined): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Text with its line breaks kept on paper. */
export function paragraphs(value: string | null | undefined): string {
  return esc(value).replace(/\r?\n/g, '<br>');
}

/** 2026-11-26 → 2026年11月26日, as official papers date themselves. */
export function chineseDate(day: LocalDate): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const FORM_TEXT: Record<string, string> = { paper: '纸质', electronic: '电子', either: '纸质或电子均可' };

export function formText(form: string): string {
  return FORM_TEXT[form] ?? form;
}

/** 原件 1 份，复印件 2 份 — the amounts a window checks. */
export function amountText(originals: number, copies: number): string {
  const parts = [originals > 0 ? `原件 ${originals} 份` : '', copies > 0 ? `复印件 ${copies} 份` : ''].filter(Boolean);
  return parts.length ? parts.join('，') : '—';
}

/** The QR code as inline SVG: paper prints it sharp at any printer resolution. */
export function qrSvg(text: string, sizeMm = 32): string {
  // Medium error correction survives a crease; the border is the 4-module quiet zone the QR
  // specification asks for, so a phone finds the code on paper.
  const qr = encode(text, { ecc: 'M', border: 4 });
  const n = qr.size;
  let d = '';
  qr.data.forEach((row, y) => row.forEach((dark, x) => { if (dark) d += `M${x},${y}h1v1h-1z`; }));
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${esc('办件查询二维码')}" width="${sizeMm}mm" height="${sizeMm}mm" viewBox="0 0 ${n} ${n}" shape-rendering="crispEdges">`
    + `<path fill="#ffffff" d="M0,0 h${n}v${n}H0z"/><path fill="#000000" d="${d}"/></svg>`;
}

export interface Letterhead {
  hallName: string;
  hallAddress: string | null;
  hallPhone: string | null;
}

const STYLE = `
  @page { size: A4; margin: 18mm 18mm 16mm; }
  * { box-sizing: border-box; }
  html { background: #eee; }
  body { margin: 0 auto; width: 210mm; min-height: 297mm; padding: 18mm; background: #fff; color: #000;
    font: 11.5pt/1.65 "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", serif; }
  h1 { font-size: 20pt; text-align: center; letter-spacing: .3em; margin: 0 0 2mm; font-weight: 700; }
  .hall { text-align: center; font-size: 13pt; margin: 0 0 1mm; }
  .doc-number { text-align: center; margin: 0 0 6mm; }
  table { width: 100%; border-collapse: collapse; margin: 2mm 0 4mm; }
  th, td { border: 0.3mm solid #000; padding: 1.6mm 2mm; vertical-align: top; text-align: left; }
  th { background: #f2f2f2; font-weight: 600; white-space: nowrap; }
  .facts th { width: 26mm; }
  /* Amounts and forms are short: keep "复印件 1 份" on one line, let the explanation take the width. */
  .materials td:nth-child(3), .materials td:nth-child(4) { white-space: nowrap; }
  .defect { font-weight: 600; }
  h2 { font-size: 12.5pt; margin: 5mm 0 1mm; }
  p { margin: 1mm 0; }
  .foot { display: flex; justify-content: space-between; align-items: flex-end; gap: 8mm; margin-top: 8mm; }
  .qr { text-align: center; font-size: 9pt; }
  .qr svg { display: block; margin: 0 auto 1mm; }
  .qr .qr-url { display: block; max-width: 40mm; margin: 1mm auto 0; font-size: 6.5pt; color: #555; word-break: break-all; }
  .seal { text-align: right; min-width: 60mm; }
  .seal p { margin: 0.8mm 0; }
  .contact { margin-top: 6mm; font-size: 10pt; border-top: 0.3mm solid #000; padding-top: 2mm; }
  @media print {
    html { background: none; }
    body { width: auto; min-height: 0; padding: 0; margin: 0; }
    tr, .foot { break-inside: avoid; }
  }
`;

export function page(title: string, head: Letterhead, body: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<p class="hall">${esc(head.hallName)}</p>
${body}
<div class="contact">${[
    head.hallAddress ? `地址：${esc(head.hallAddress)}` : '',
    head.hallPhone ? `咨询电话：${esc(head.hallPhone)}` : '',
  ].filter(Boolean).join('　　') || '&nbsp;'}</div>
</body>
</html>`;
}

/** The QR block to the tracking page, when the tracking link is known (see print routes). */
export function trackingBlock(trackUrl: string | null): string {
  if (!trackUrl) return '<div class="qr"></div>';
  // The link is printed too, for a phone that cannot scan.
  return `<div class="qr">${qrSvg(trackUrl)}<span>扫码查询办理进度</span><span class="qr-url">${esc(trackUrl)}</span></div>`;
}

export function sealBlock(lines: string[], day: LocalDate): string {
  return `<div class="seal">${lines.map((l) => `<p>${esc(l)}</p>`).join('')}<p>${esc(chineseDate(day))}</p></div>`;
}
