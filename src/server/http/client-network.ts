// Which client a request counts against, for caps per client address. An IPv4 address is one
// client. An IPv6 subscriber — one phone on a mobile network, one household — is given a whole
// /64 and may take any address in it at will, so a cap per IPv6 address would be no cap: the
// /64 is the client.

const IPV4 = /^(?:::ffff:)?(\d{1,3}(?:\.\d{1,3}){3})$/i;

export function clientNetwork(ip: string): string {
  const v4 = IPV4.exec(ip);
  if (v4) return v4[1]!;
  if (!ip.includes(':')) return ip;
  const address = ip.split('%')[0]!.toLowerCase(); // a zone (fe80::1%eth0) names our interface, not the client
  const [head = '', tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  const prefix = groups.slice(0, 4).map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16).toString(16) : g));
  return `${prefix.join(':')}::/64`;
}
