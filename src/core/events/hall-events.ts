// The typed map of every event a hall publishes: the server emits with it, the web listens
// with it. Names are `entity.verb` as in the API contract.
export interface HallEventMap {
  'hall.updated': { hallId: string; name: string };
  'hall.archived': { hallId: string };
  'service.created': { serviceId: string; code: string; name: string };
  'service.updated': { serviceId: string; code: string; name: string };
  'service.archived': { serviceId: string };
  'window.created': { windowId: string; number: number; name: string };
  'window.updated': { windowId: string; number: number; name: string };
  'window.archived': { windowId: string; number: number };
  'device.created': { deviceId: string; kind: string; name: string };
  'device.revoked': { deviceId: string };
  'calendar.updated': { year: number };
  'user.updated': { userId: string };
  // Queue events, emitted by the queue capability (R-01…R-10).
  'ticket.issued': { ticketId: string; number: string; serviceId: string };
  'ticket.called': { ticketId: string; number: string; windowNumber: number; windowId: string; serviceId: string };
  'ticket.recalled': { ticketId: string; number: string; windowNumber: number; windowId: string; serviceId: string };
  'ticket.started': { ticketId: string; number: string; windowNumber: number; windowId: string };
  'ticket.completed': { ticketId: string; number: string; outcome: string; windowNumber: number; windowId: string };
  'ticket.no_show': { ticketId: string; number: string; windowNumber: number | null };
  'ticket.rejoined': { ticketId: string; number: string; serviceId: string };
  'ticket.transferred': { ticketId: string; number: string; serviceId?: string; windowId?: string };
  'ticket.cancelled': { ticketId: string; number: string };
  'window.opened': { windowId: string; number: number };
  'window.paused': { windowId: string; number: number; reason: string; note?: string | null };
  'window.resumed': { windowId: string; number: number };
  'window.closed': { windowId: string; number: number };
  // Case events, emitted by the cases capability (R-11…R-15). Payloads carry no applicant data:
  // the event stream reaches every screen of the hall.
  'case.created': { caseId: string; number: string; serviceId: string; ownerId: string };
  'case.updated': { caseId: string; number: string; missingCount: number };
  'case.notice_issued': { caseId: string; number: string; noticeId: string; noticeNumber: string; missingCount: number; breach: 'second_round' | null };
  'case.accepted': { caseId: string; number: string; deadline: string };
  'case.refused': { caseId: string; number: string };
  'case.completed': { caseId: string; number: string; onTime: boolean };
  'case.extension_requested': { caseId: string; number: string; extensionId: string; workingDays: number };
  'case.extension_decided': { caseId: string; number: string; extensionId: string; approved: boolean; deadline: string };
  'case.light_changed': { caseId: string; number: string; light: 'yellow' | 'red'; deadline: string };
  'alert.raised': { kind: string; [key: string]: unknown };
}

export type HallEventName = keyof HallEventMap;

/** An event as stored and streamed: `id` is monotonic and gap-free per hall, in commit order. */
export interface HallEvent<N extends HallEventName = HallEventName> {
  id: number;
  hallId: string;
  name: N;
  payload: HallEventMap[N];
  at: string;
}
