// The hall's queue as GET /halls/{hallId}/queue returns it (docs/QUEUE-API.md), shared by the
// kiosk, the staff console and the supervisor strip.

export interface QueueHall {
  id: string;
  name: string;
  timezone: string;
  openNow: boolean;
  opensAt: string | null;
  closesAt: string | null;
  todayHours: Array<{ open: string; close: string }>;
  /** The hall's recall limit before a no-show (queue policy). */
  maxRecalls?: number;
}

export interface QueueService {
  id: string;
  name: string;
  ticketPrefix: string;
  waiting: number;
  priorityWaiting: number;
  openWindows: number;
  /** Windows signed in to for the service, open or paused (a pause ends: tickets are still issued). */
  staffedWindows: number;
  estimatedWaitMinutes: number | null;
  longestWaitMinutes: number;
}
