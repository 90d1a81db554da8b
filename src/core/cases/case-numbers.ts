// The numbers printed on a case's papers, one sequence per hall, kind and year (the counter row
// is the server's): the case number 办件编号 "2026-000042", the one-time notice
// 一次性告知书 "一告〔2026〕0007号" and the refusal notice "不予受理〔2026〕0003号".
// The brackets are the full-width 六角括号 official documents use for the year (GB/T 9704).
// A sequence past its padding keeps growing (0999 → 1000 → … 10000): a number must stay unique.

export type CaseNumberKind = 'case' | 'notice' | 'refusal';

function checked(year: number, seq: number): void {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`not a four-digit year: ${year}`);
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`sequence must be a positive integer, got ${seq}`);
}

export function formatCaseNumber(year: number, seq: number): string {
  checked(year, seq);
  return `${year}-${String(seq).padStart(6, '0')}`;
}

export function formatNoticeNumber(year: number, seq: number): string {
  checked(year, seq);
  return `一告〔${year}〕${String(seq).padStart(4, '0')}号`;
}

export function formatRefusalNumber(year: number, seq: number): string {
  checked(year, seq);
  return `不予受理〔${year}〕${String(seq).padStart(4, '0')}号`;
}

export function formatNumber(kind: CaseNumberKind, year: number, seq: number): string {
  switch (kind) {
    case 'case': return formatCaseNumber(year, seq);
    case 'notice': return formatNoticeNumber(year, seq);
    case 'refusal': return formatRefusalNumber(year, seq);
  }
}
