import { describe, expect, it } from 'vitest';
import { clientNetwork } from './client-network.js';

describe('the client a stream counts against', () => {
  it('is the address itself for IPv4, also when written IPv4-mapped', () => {
    expect(clientNetwork('203.0.113.7')).toBe('203.0.113.7');
    expect(clientNetwork('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(clientNetwork('203.0.113.8')).not.toBe(clientNetwork('203.0.113.7'));
  });

  it('is the /64 for IPv6: a phone that changes the low half of its address is still one client', () => {
    const a = clientNetwork('2001:db8:85a3:12::8a2e:370:7334');
    expect(a).toBe('2001:db8:85a3:12::/64');
    expect(clientNetwork('2001:0DB8:85a3:0012:ffff:1:2:3')).toBe(a);
    expect(clientNetwork('2001:db8:85a3:13::1')).not.toBe(a);
    expect(clientNetwork('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientNetwork('::1')).toBe('0:0:0:0::/64');
    expect(clientNetwork('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });
});
