// Who may do what, where. One table, read by the server's single authorize step, so a route
// cannot forget a hall check: every action is decided for an actor AND a hall.
export type Role = 'admin' | 'manager' | 'staff' | 'inspector';
export type DeviceKind = 'kiosk' | 'display' | 'evaluator';

export type Actor =
  | { type: 'user'; id: string; username: string; name: string; role: Role; hallId: string | null }
  | { type: 'device'; id: string; name: string; kind: DeviceKind; hallId: string };

export type Action =
  | 'hall.create'
  | 'hall.read'
  | 'hall.update'
  | 'hall.archive'
  | 'catalog.read'
  | 'catalog.manage'
  | 'windows.read'
  | 'windows.manage'
  | 'users.read'
  | 'users.manage'
  | 'devices.read'
  | 'devices.manage'
  | 'calendar.read'
  | 'calendar.manage'
  | 'audit.read'
  | 'events.subscribe'
  | 'queue.read'
  | 'queue.issue'
  | 'queue.operate'
  | 'queue.override_close'
  | 'alerts.resolve'
  | 'cases.read'
  | 'cases.operate'
  | 'cases.approve_extension'
  | 'reports.read';

const rolesFor: Record<Action, readonly Role[]> = {
  'hall.create': ['admin'],
  'hall.archive': ['admin'],
  'hall.read': ['admin', 'manager', 'staff', 'inspector'],
  'hall.update': ['admin', 'manager'],
  'catalog.read': ['admin', 'manager', 'staff', 'inspector'],
  'catalog.manage': ['admin', 'manager'],
  'windows.read': ['admin', 'manager', 'staff', 'inspector'],
  'windows.manage': ['admin', 'manager'],
  'users.read': ['admin', 'manager', 'inspector'],
  'users.manage': ['admin', 'manager'],
  'devices.read': ['admin', 'manager'],
  'devices.manage': ['admin', 'manager'],
  'calendar.read': ['admin', 'manager', 'staff', 'inspector'],
  'calendar.manage': ['admin', 'manager'],
  'audit.read': ['admin', 'manager', 'inspector'],
  'events.subscribe': ['admin', 'manager', 'staff', 'inspector'],
  'queue.read': ['admin', 'manager', 'staff', 'inspector'],
  'queue.issue': ['admin', 'manager', 'staff'],
  'queue.operate': ['admin', 'manager', 'staff'],
  // R-08 准时满点: only a manager may close the last window while people wait, with a reason.
  'queue.override_close': ['admin', 'manager'],
  'alerts.resolve': ['admin', 'manager'],
  'cases.read': ['admin', 'manager', 'staff', 'inspector'],
  // Intake, notices, acceptance, refusal, completion and asking for an extension happen at the window.
  'cases.operate': ['admin', 'manager', 'staff'],
  // 延期 moves a promised deadline, so only the hall's manager grants it.
  'cases.approve_extension': ['admin', 'manager'],
  'reports.read': ['admin', 'manager', 'inspector'],
};

// Devices only read what their screen shows; the queue capability adds ticket issuing.
const devicesFor: Partial<Record<Action, readonly DeviceKind[]>> = {
  'hall.read': ['kiosk', 'display', 'evaluator'],
  'catalog.read': ['kiosk', 'display'],
  'windows.read': ['display', 'evaluator'],
  'calendar.read': ['kiosk'],
  'events.subscribe': ['kiosk', 'display', 'evaluator'],
  'queue.read': ['kiosk', 'display'],
  'queue.issue': ['kiosk'],
};

export type Decision = { allowed: true } | { allowed: false; reason: 'role' | 'hall' | 'device_kind' };

/**
 * `hallId` is the hall the action touches; `null` means the action is not tied to one hall
 * (creating a hall, reading the global part of the service log), which only admins reach.
 */
export function decide(actor: Actor, action: Action, hallId: string | null): Decision {
  if (actor.type === 'device') {
    if (!(devicesFor[action] ?? []).includes(actor.kind)) return { allowed: false, reason: 'device_kind' };
    if (hallId === null || hallId !== actor.hallId) return { allowed: false, reason: 'hall' };
    return { allowed: true };
  }
  if (!rolesFor[action].includes(actor.role)) return { allowed: false, reason: 'role' };
  if (actor.role === 'admin') return { allowed: true };
  if (hallId === null || hallId !== actor.hallId) return { allowed: false, reason: 'hall' };
  return { allowed: true };
}

/** Which roles a user may hand out: managers staff their own hall, they do not mint managers. */
export function mayAssignRole(actor: Actor, role: Role): boolean {
  if (actor.type !== 'user') return false;
  if (actor.role === 'admin') return true;
  return actor.role === 'manager' && (role === 'staff' || role === 'inspector');
}
