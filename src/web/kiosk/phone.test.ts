import { describe, expect, it } from 'vitest';
import { groupPhone, isValidMobile, maskPhone, normalizePhone, phoneState, pressKey } from './phone';

describe('phone keypad', () => {
  it('appends digits up to 11 and ignores the rest', () => {
    let v = '';
    for (const k of '138001380001234') v = pressKey(v, k);
    expect(v).toBe('13800138000');
  });
  it('clears and deletes', () => {
    expect(pressKey('138', 'backspace')).toBe('13');
    expect(pressKey('', 'backspace')).toBe('');
    expect(pressKey('138', 'clear')).toBe('');
    expect(pressKey('138', 'x')).toBe('138');
  });
  it('normalizes pasted text', () => {
    expect(normalizePhone('138-0013 8000')).toBe('13800138000');
    expect(normalizePhone('+86 138 0013 8000 9')).toBe('86138001380');
  });
});

describe('phone validation', () => {
  it('accepts mainland mobiles', () => {
    expect(isValidMobile('13800138000')).toBe(true);
    expect(isValidMobile('19912345678')).toBe(true);
  });
  it('refuses other numbers', () => {
    expect(isValidMobile('12800138000')).toBe(false);
    expect(isValidMobile('1380013800')).toBe(false);
    expect(isValidMobile('23800138000')).toBe(false);
    expect(isValidMobile('138001380001')).toBe(false);
  });
  it('classifies the field', () => {
    expect(phoneState('')).toBe('empty');
    expect(phoneState('138')).toBe('incomplete');
    expect(phoneState('1')).toBe('incomplete');
    expect(phoneState('2')).toBe('invalid');
    expect(phoneState('12')).toBe('invalid');
    expect(phoneState('13800138000')).toBe('valid');
    expect(phoneState('12345678901')).toBe('invalid');
  });
  it('groups and masks', () => {
    expect(groupPhone('1380013')).toBe('138 0013');
    expect(groupPhone('13800138000')).toBe('138 0013 8000');
    expect(groupPhone('')).toBe('');
    expect(maskPhone('13800138000')).toBe('138****8000');
  });
});
