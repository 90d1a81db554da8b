// A month of casework for the demo hall, so a manager opening the demo sees what the rules measure:
// cases in every supervision light, on-time and late completions, one-time notices
// a second-round breach, a refusal with its basis and an approved extension.
// Every step goes through the same use cases the windows use, at the moment it would have happened,
// so the service log, numbers and deadlines are exactly what real work would have produced.
import type { Actor } from '../../core/access/policy.js';
import { instantFromLocalTime, localDateInZone } from '../../core/calendar/local-date.js';
import { workingDaysAgo } from '../../core/calendar/working-days.js';
import { loadHallCalendar } from '../calendar/routes.js';
import { acceptCase } from '../cases/accept-case.js';
import { completeCase } from '../cases/complete-case.js';
import { createCase } from '../cases/create-case.js';
import { decideExtension, requestExtension } from '../cases/extensions.js';
import { issueNotice } from '../cases/issue-notice.js';
import { refuseCase } from '../cases/refuse-case.js';
import { updateCaseMaterials } from '../cases/update-case-materials.js';
import type { AppContext } from '../context.js';
import type { MaterialRow } from '../../db/schema.js';

type UserActor = Extract<Actor, { type: 'user' }>;

export interface DemoCaseWorld {
  hallId: string;
  timezone: string;
  /** Demo people by username. */
  people: Map<string, UserActor>;
  /** Live services by code, with their materials. */
  services: Map<string, { id: string; materials: MaterialRow[] }>;
}

/** One applicant's story: which service, who took it in, and what happened on which working day back from today. */
interface Story {
  service: string;
  owner: string;
  applicant: string;
  phone: string;
  steps: Step[];
}
type Step =
  | { at: number; do: 'open'; missing?: string[] }
  | { at: number; do: 'notice'; nextSteps?: string }
  | { at: number; do: 'hand_in'; missing?: string[] }
  | { at: number; do: 'accept' }
  | { at: number; do: 'complete'; result: string }
  | { at: number; do: 'refuse'; reason: string; basis: string }
  | { at: number; do: 'extend'; workingDays: number; reason: string; approvedBy: string };

// `at` counts working days back from today (0 = today, or the last working day before it; see
// workingDaysAgo); within a day, steps keep their order.
const STORIES: Story[] = [
  // Accepted 9 of 10 working days ago: yellow (预警) today.
  { service: 'YB-003', owner: 'staff1', applicant: '周明', phone: '13800001001', steps: [{ at: 9, do: 'open' }, { at: 9, do: 'accept' }] },
  // 7-day promise accepted 9 working days ago: red (超期).
  { service: 'HJ-004', owner: 'staff2', applicant: '吴芳', phone: '13800001002', steps: [{ at: 9, do: 'open' }, { at: 9, do: 'accept' }] },
  // Accepted yesterday: green.
  { service: 'BDC-002', owner: 'staff3', applicant: '郑强', phone: '13800001003', steps: [{ at: 1, do: 'open' }, { at: 1, do: 'accept' }] },
  // One notice, materials brought back the next day, finished ahead of the deadline.
  { service: 'BDC-002', owner: 'staff1', applicant: '孙丽', phone: '13800001004', steps: [
    { at: 12, do: 'open', missing: ['完税凭证'] }, { at: 12, do: 'notice' },
    { at: 11, do: 'hand_in' }, { at: 11, do: 'accept' }, { at: 8, do: 'complete', result: '准予登记，不动产权证书已发放' }] },
  // Finished two working days after its deadline: late.
  { service: 'YB-003', owner: 'staff2', applicant: '马超', phone: '13800001005', steps: [
    { at: 20, do: 'open' }, { at: 20, do: 'accept' }, { at: 8, do: 'complete', result: '报销款已拨付至本人账户' }] },
  { service: 'YYZZ-005', owner: 'staff4', applicant: '黄敏', phone: '13800001006', steps: [
    { at: 6, do: 'open' }, { at: 6, do: 'accept' }, { at: 5, do: 'complete', result: '营业执照已核发' }] },
  { service: 'SB-001', owner: 'staff1', applicant: '林涛', phone: '13800001007', steps: [
    { at: 3, do: 'open' }, { at: 3, do: 'accept' }, { at: 3, do: 'complete', result: '社保卡已当场制卡发放' }] },
  // the second notice asks for a material the first could have asked for — a recorded breach.
  { service: 'HJ-004', owner: 'staff3', applicant: '何静', phone: '13800001008', steps: [
    { at: 4, do: 'open', missing: ['准予迁入证明'] }, { at: 4, do: 'notice' },
    { at: 2, do: 'hand_in', missing: ['居民户口簿'] }, { at: 2, do: 'notice' }] },
  { service: 'BDC-002', owner: 'staff4', applicant: '高磊', phone: '13800001009', steps: [
    { at: 5, do: 'open' },
    { at: 5, do: 'refuse', reason: '申请登记的房屋已被人民法院依法查封，查封期间不能办理转移登记。', basis: '《不动产登记暂行条例》第二十二条第（三）项' }] },
  // An extension the manager approved moves the deadline; counted separately in the report.
  { service: 'YB-003', owner: 'staff1', applicant: '罗娟', phone: '13800001010', steps: [
    { at: 12, do: 'open' }, { at: 12, do: 'accept' },
    { at: 4, do: 'extend', workingDays: 5, reason: '需向异地就诊医疗机构核实费用明细，等待对方回函。', approvedBy: 'manager' }] },
  // Came in this morning without everything: waiting for the supplement.
  { service: 'SB-001', owner: 'staff2', applicant: '梁勇', phone: '13800001011', steps: [
    { at: 0, do: 'open', missing: ['居民身份证'] }, { at: 0, do: 'notice' }] },
];

export async function seedDemoCases(ctx: AppContext, world: DemoCaseWorld): Promise<number> {
  const now = ctx.now();
  const today = localDateInZone(now, world.timezone);
  const year = Number(today.slice(0, 4));
  const { calendar } = await loadHallCalendar(ctx.db, world.hallId, [year - 1, year, year + 1]);
  // Steps on working days back, from 09:30 in the hall's zone, a few minutes apart; today's never after now.
  const timeline = STORIES.flatMap((story, s) => story.steps.map((step, k) => {
    const day = workingDaysAgo(calendar, today, step.at);
    let at = instantFromLocalTime(day, 9 * 60 + 30 + s * 7 + k * 2, world.timezone);
    if (at > now) at = new Date(now.getTime() - (60 - s - k) * 60_000);
    return { story: s, step, at };
  })).sort((a, b) => a.at.getTime() - b.at.getTime() || a.story - b.story);

  const caseIds = new Map<number, string>();
  for (const { story: s, step, at } of timeline) {
    const story = STORIES[s]!;
    const actor = world.people.get(story.owner)!;
    const service = world.services.get(story.service)!;
    const clock: AppContext = { ...ctx, now: () => at };
    const handedIn = (missing: string[] = []) => service.materials
      .filter((m) => m.required && !missing.includes(m.name)).map((m) => m.id);
    const caseId = caseIds.get(s);
    switch (step.do) {
      case 'open': {
        const c = await createCase(clock, actor, world.hallId, {
          serviceId: service.id, applicant: { name: story.applicant, phone: story.phone },
          submitted: handedIn(step.missing), applicable: [],
        });
        caseIds.set(s, c.id);
        break;
      }
      case 'notice':
        await issueNotice(clock, actor, caseId!, { nextSteps: step.nextSteps });
        break;
      case 'hand_in':
        await updateCaseMaterials(clock, actor, caseId!, { submitted: handedIn(step.missing) });
        break;
      case 'accept':
        await acceptCase(clock, actor, caseId!);
        break;
      case 'complete':
        await completeCase(clock, actor, caseId!, { result: step.result });
        break;
      case 'refuse':
        await refuseCase(clock, actor, caseId!, { reason: step.reason, basis: step.basis });
        break;
      case 'extend': {
        const ext = await requestExtension(clock, actor, caseId!, { workingDays: step.workingDays, reason: step.reason });
        await decideExtension(clock, world.people.get(step.approvedBy)!, ext.id, true, '同意延期，请在新的期限内办结并告知申请人。');
        break;
      }
    }
  }
  return STORIES.length;
}
