// Whether a service can be chosen at the kiosk, and whether to ask the citizen to bear with a
// pause. A paused window ends its pause and every issued ticket is served, so a
// service whose windows are all paused still issues tickets; only one nobody is signed in for
// cannot.
import type { QueueService } from './kioskApi';

export type ServiceAvailability = 'open' | 'paused' | 'unstaffed';

export function serviceAvailability(service: Pick<QueueService, 'openWindows' | 'staffedWindows' | 'estimatedWaitMinutes'>): ServiceAvailability {
  // The server gives no estimate exactly when nobody is signed in for the service.
  if (service.staffedWindows === 0 || service.estimatedWaitMinutes === null) return 'unstaffed';
  return service.openWindows === 0 ? 'paused' : 'open';
}
