// A yellow or red alert asks someone to act on a case before or after its deadline. Once the
// case is completed, or its deadline is moved by an approved extension, that call to act is answered:
// the alert is resolved, with its reason in the service log. The lateness itself stays on the case
// (on_time = false) and in the reports.
import type { Queryable } from '../../db/client.js';
import type { Effects } from '../run-command.js';
import { resolveAlertsByKey } from '../queue/repo.js';

export async function resolveLightAlerts(
  tx: Queryable, fx: Effects, c: { id: string; hallId: string; deadline: string | null }, by: 'case completed' | 'deadline extended',
): Promise<void> {
  if (!c.deadline) return;
  for (const kind of ['case_yellow', 'case_red']) {
    for (const r of await resolveAlertsByKey(tx, c.hallId, `${kind}:${c.id}:${c.deadline}`, fx.now, 'system')) {
      fx.audit({ action: 'alert.resolved', hallId: c.hallId, targetType: 'alert', targetId: r.id, after: { kind, caseId: c.id, by } });
    }
  }
}
