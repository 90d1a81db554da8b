// A hall's queue policy: the defaults with the hall's stored overrides on top.
import { resolveQueuePolicy, type QueuePolicy } from '../../core/queue/policy.js';
import type { halls } from '../../db/schema.js';

export function policyOf(hall: Pick<typeof halls.$inferSelect, 'queuePolicy'>): QueuePolicy {
  return resolveQueuePolicy(hall.queuePolicy as Partial<QueuePolicy>);
}
