// 不予受理告知书 on paper (R-13 说明原由，讲明道理): the reason and its basis, in full, with the
// applicant's remedies, numbered and dated.
import { localDateInZone } from '../../../core/calendar/local-date.js';
import type { Actor } from '../../../core/access/policy.js';
import type { AppContext } from '../../context.js';
import { authorize } from '../../access/authorize.js';
import { AppError } from '../../http/errors.js';
import { hallOfCase } from '../case-view.js';
import * as repo from '../repo.js';
import { chineseDate, esc, page, paragraphs, sealBlock } from './page.js';

export async function refusalPrint(ctx: AppContext, actor: Actor, caseId: string): Promise<string> {
  const row = await repo.findCase(ctx.db, caseId);
  if (!row) throw new AppError('not_found');
  authorize(actor, 'cases.read', row.hallId);
  const hall = await hallOfCase(ctx.db, row);
  if (row.status !== 'refused' || !row.refusedAt || !row.refusalNumber) throw new AppError('case_invalid_transition', { status: row.status });
  const [service] = await repo.servicesByIds(ctx.db, [row.serviceId]);
  const createdDay = localDateInZone(row.createdAt, hall.timezone);
  const refusedDay = localDateInZone(row.refusedAt, hall.timezone);

  const body = `
<h1>不予受理告知书</h1>
<p class="doc-number">${esc(row.refusalNumber)}</p>
<p>${esc(row.applicant.name)}：</p>
<p>　　您好！您于${esc(chineseDate(createdDay))}申请办理的“${esc(service?.name ?? '')}”（办件编号：${esc(row.number)}），经审查，决定不予受理。现将理由和依据告知如下：</p>
<h2>一、不予受理的理由</h2>
<p>${paragraphs(row.refusalReason)}</p>
<h2>二、不予受理的依据</h2>
<p>${paragraphs(row.refusalBasis)}</p>
<h2>三、您的权利</h2>
<p>如您对本决定有异议，可以依法申请行政复议或者提起行政诉讼。如有疑问，欢迎到窗口或致电咨询，我们将耐心为您解答。感谢您的理解与支持！</p>
<div class="foot">
<div></div>
${sealBlock([hall.name], refusedDay)}
</div>`;
  return page(`不予受理告知书 ${row.refusalNumber}`, { hallName: hall.name, hallAddress: hall.address, hallPhone: hall.phone }, body);
}
