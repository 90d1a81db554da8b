// Checks on what the staff member types about the applicant, so a mistyped ID number or phone is
// caught at the counter rather than on the printed notice. Both fields are optional.

export type IdNumberProblem = 'length' | 'format' | 'birthdate' | 'checksum';

// GB 11643 公民身份号码: 17 digits, then a check character from the ISO 7064 MOD 11-2 sum.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** Spaces dropped, a lower-case check x raised. */
export function normalizeIdNumber(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/**
 * null when the number is acceptable. A number of 14 or more digits (with a trailing X) is read as
 * a 公民身份号码 — the same form serves the residence permits for Hong Kong, Macao and Taiwan
 * residents and the foreigners' permanent residence card — and must have 18 characters, a real
 * birth date not in the future, and the right check character. Other documents (passports, 港澳
 * 台 travel permits, 8-digit 台胞证) are only held to letters and digits, as the server does.
 */
export function idNumberProblem(raw: string, today: Date = new Date()): IdNumberProblem | null {
  const value = normalizeIdNumber(raw);
  if (!/^\d{14,}X?$/.test(value)) return /^[A-Z0-9()（）-]{5,32}$/.test(value) ? null : 'format';
  if (value.length !== 18) return 'length';
  if (!/^\d{17}[\dX]$/.test(value)) return 'format';
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  const real = birth.getUTCFullYear() === year && birth.getUTCMonth() === month - 1 && birth.getUTCDate() === day;
  if (!real || year < 1900 || birth.getTime() > today.getTime()) return 'birthdate';
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(value[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11] === value[17] ? null : 'checksum';
}

/** Spaces and dashes between digit groups dropped, except the one after an area code. */
export function normalizePhone(value: string): string {
  return value.replace(/[\s()（）]/g, '');
}

/** A mainland mobile number (11 digits from 13…19) or a landline with its area code (0571-12345678). */
export function isPhoneNumber(raw: string): boolean {
  const value = normalizePhone(raw);
  return /^1[3-9]\d{9}$/.test(value) || /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/.test(value);
}
