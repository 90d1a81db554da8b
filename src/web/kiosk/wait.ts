// The estimated wait in words (R-01: the kiosk and the tracking page tell the citizen what to
// expect). The server's estimate is whole minutes, or null when no window is open for the service.

export type WaitText =
  | { kind: 'noWindow' }
  | { kind: 'none' }
  | { kind: 'minutes'; minutes: number }
  | { kind: 'hours'; hours: number; minutes: number };

export function describeWait(minutes: number | null | undefined): WaitText {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes)) return { kind: 'noWindow' };
  const whole = Math.max(0, Math.ceil(minutes));
  if (whole === 0) return { kind: 'none' };
  if (whole < 60) return { kind: 'minutes', minutes: whole };
  // Past an hour, five-minute steps: "约 1 小时 23 分钟" promises a precision nobody has.
  const rounded = Math.ceil(whole / 5) * 5;
  return { kind: 'hours', hours: Math.floor(rounded / 60), minutes: rounded % 60 };
}
