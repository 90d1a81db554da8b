// R-05 中断服务，及时明示，引导到其它窗口: a paused window's sign tells its people where to go
// instead. Only a window that is open and serves one of the same services can take them; when
// there is none, the honest sign is "please wait", not "go to another window" that does not exist.

export interface WindowForRedirect {
  id: string;
  number: number;
  status: 'open' | 'paused' | 'closed';
  serviceIds: readonly string[];
}

/** The numbers of the open windows that serve at least one of `paused`'s services, in order. */
export function redirectWindowNumbers(paused: WindowForRedirect, windows: readonly WindowForRedirect[]): number[] {
  const services = new Set(paused.serviceIds);
  return windows
    .filter((w) => w.id !== paused.id && w.status === 'open' && w.serviceIds.some((s) => services.has(s)))
    .map((w) => w.number)
    .sort((a, b) => a - b);
}
