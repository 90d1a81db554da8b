import { describe, expect, it } from 'vitest';
import { idNumberProblem, isPhoneNumber, normalizeIdNumber } from './applicant';

const TODAY = new Date('2026-11-26T00:00:00Z');

describe('idNumberProblem', () => {
  it('accepts the standard example 11010519491231002X, also typed with a lower-case x and spaces', () => {
    expect(idNumberProblem('11010519491231002X', TODAY)).toBeNull();
    expect(idNumberProblem(' 110105 19491231 002x ', TODAY)).toBeNull();
    expect(normalizeIdNumber('110105 19491231 002x')).toBe('11010519491231002X');
  });

  it('catches a mistyped digit by the check character', () => {
    expect(idNumberProblem('11010519491231003X', TODAY)).toBe('checksum');
  });

  it('says what is wrong: too short, an impossible or future birth date, characters no document has', () => {
    expect(idNumberProblem('1101051949123100', TODAY)).toBe('length');
    expect(idNumberProblem('身份证', TODAY)).toBe('format');
    expect(idNumberProblem('110105194902300021', TODAY)).toBe('birthdate');
    expect(idNumberProblem('110105203001010021', TODAY)).toBe('birthdate');
  });

  it('lets other identity documents through: passports, travel permits, the 8-digit 台胞证', () => {
    expect(idNumberProblem('E12345678', TODAY)).toBeNull();
    expect(idNumberProblem('H1234567801', TODAY)).toBeNull();
    expect(idNumberProblem('12345678', TODAY)).toBeNull();
  });
});

describe('isPhoneNumber', () => {
  it('takes mobile numbers and landlines with their area code', () => {
    expect(isPhoneNumber('13812345678')).toBe(true);
    expect(isPhoneNumber('138 1234 5678')).toBe(true);
    expect(isPhoneNumber('0571-87654321')).toBe(true);
    expect(isPhoneNumber('010 12345678')).toBe(true);
  });

  it('refuses numbers a callback could not reach', () => {
    expect(isPhoneNumber('12812345678')).toBe(false);
    expect(isPhoneNumber('1381234567')).toBe(false);
    expect(isPhoneNumber('87654321')).toBe(false);
    expect(isPhoneNumber('abc')).toBe(false);
  });
});
