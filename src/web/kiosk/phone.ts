// The optional phone number a citizen types on the kiosk keypad, for an SMS before the call.
// Mainland mobile numbers only: 11 digits, starting 13–19.

export const PHONE_LENGTH = 11;

/** Digits only, at most 11: what the keypad field holds. */
export function normalizePhone(input: string): string {
  return input.replace(/\D/g, '').slice(0, PHONE_LENGTH);
}

/** The field after one key of the on-screen keypad; extra digits past 11 are ignored. */
export function pressKey(current: string, key: string): string {
  if (key === 'clear') return '';
  if (key === 'backspace') return current.slice(0, -1);
  if (/^\d$/.test(key) && current.length < PHONE_LENGTH) return current + key;
  return current;
}

export function isValidMobile(digits: string): boolean {
  return /^1[3-9]\d{9}$/.test(digits);
}

export type PhoneState = 'empty' | 'incomplete' | 'invalid' | 'valid';

/** Empty is fine (the number is optional); a started number must be a complete, valid one. */
export function phoneState(digits: string): PhoneState {
  if (digits.length === 0) return 'empty';
  if (digits.length < PHONE_LENGTH) return /^1([3-9]\d*)?$/.test(digits) ? 'incomplete' : 'invalid';
  return isValidMobile(digits) ? 'valid' : 'invalid';
}

/** '138 0013 8000' while typing: easier to check against a phone's own display. */
export function groupPhone(digits: string): string {
  return [digits.slice(0, 3), digits.slice(3, 7), digits.slice(7, 11)].filter(Boolean).join(' ');
}

/** '138****8000' on screen and receipt: the person behind should not read the whole number. */
export function maskPhone(digits: string): string {
  if (digits.length !== PHONE_LENGTH) return digits;
  return `${digits.slice(0, 3)}****${digits.slice(7)}`;
}
