import { describe, expect, it } from 'vitest';
import { takeTokenFromSearch } from './deviceToken';

describe('takeTokenFromSearch', () => {
  it('takes the token and keeps other parameters', () => {
    expect(takeTokenFromSearch('?token=abc123&lang=en')).toEqual({ token: 'abc123', rest: '?lang=en' });
    expect(takeTokenFromSearch('?token=abc123')).toEqual({ token: 'abc123', rest: '' });
  });
  it('finds nothing without a token', () => {
    expect(takeTokenFromSearch('')).toEqual({ token: null, rest: '' });
    expect(takeTokenFromSearch('?token=')).toEqual({ token: null, rest: '' });
    expect(takeTokenFromSearch('?a=1')).toEqual({ token: null, rest: '?a=1' });
  });
});
