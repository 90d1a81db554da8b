// IANA time zones for the hall form, labelled with their current UTC offset.
import { DEFAULT_TIMEZONE, utcOffsetLabel } from '../../time/zone';

const FALLBACK = [
  'Asia/Shanghai',
  'Asia/Urumqi',
  'Asia/Hong_Kong',
  'Asia/Macau',
  'Asia/Taipei',
  'Asia/Tokyo',
  'Asia/Seoul',
  'Asia/Singapore',
  'Europe/London',
  'Europe/Berlin',
  'America/New_York',
  'America/Los_Angeles',
  'UTC',
];

let cached: Array<{ value: string; label: string }> | null = null;

export function timezoneOptions(): Array<{ value: string; label: string }> {
  if (cached) return cached;
  let zones: string[];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = FALLBACK;
  }
  // Keep the common Chinese zones first, then the rest alphabetically.
  const preferred = FALLBACK.slice(0, 5).filter((z) => zones.includes(z) || z === DEFAULT_TIMEZONE);
  const rest = zones.filter((z) => !preferred.includes(z)).sort();
  if (!rest.includes('UTC') && !preferred.includes('UTC')) rest.push('UTC');
  cached = [...preferred, ...rest].map((zone) => ({ value: zone, label: `${zone} (${utcOffsetLabel(zone)})` }));
  return cached;
}
