// 一次性告知书 on paper (R-11): every material still missing, with amounts, form, the condition
// that made it needed, the guide's note and the defect found; next steps; special notes; the
// window and the hall's phone; the date; a QR code to the tracking page when the link is known.
import { localDateInZone } from '../../../core/calendar/local-date.js';
import type { Actor } from '../../../core/access/policy.js';
import type { AppContext } from '../../context.js';
import { authorize } from '../../access/authorize.js';
import { AppError } from '../../http/errors.js';
import { hallOfCase } from '../case-view.js';
import { trackPath } from '../present.js';
import * as repo from '../repo.js';
import { amountText, chineseDate, esc, formText, page, paragraphs, sealBlock, trackingBlock } from './page.js';

export const NOTICE_CLOSING = '以上为本事项需要补正的全部材料。请您妥善保管本告知书，补正材料时请一并带来。感谢您的理解与配合！';

export async function noticePrint(ctx: AppContext, actor: Actor, noticeId: string, origin: string): Promise<string> {
  const notice = await repo.findNotice(ctx.db, noticeId);
  if (!notice) throw new AppError('not_found');
  authorize(actor, 'cases.read', notice.hallId);
  const row = (await repo.findCase(ctx.db, notice.caseId))!;
  const hall = await hallOfCase(ctx.db, row);
  const [service] = await repo.servicesByIds(ctx.db, [row.serviceId]);
  const windowNumber = await repo.windowNumber(ctx.db, notice.windowId);
  const trackUrl = origin + trackPath(row.id, row.trackToken);
  const createdDay = localDateInZone(row.createdAt, hall.timezone);

  const lines = notice.missing.map((m, i) => {
    const remarks = [
      m.condition ? `适用情形：${esc(m.condition)}` : '',
      m.note ? esc(m.note) : '',
      m.defect ? `<span class="defect">需补正原因：${esc(m.defect)}</span>` : '',
    ].filter(Boolean).join('<br>');
    return `<tr><td>${i + 1}</td><td>${esc(m.name)}</td><td>${esc(amountText(m.originals, m.copies))}</td><td>${esc(formText(m.form))}</td><td>${remarks || '—'}</td></tr>`;
  }).join('\n');

  const body = `
<h1>一次性告知书</h1>
<p class="doc-number">${esc(notice.number)}</p>
<p>${esc(row.applicant.name)}：</p>
<p>　　您好！您于${esc(chineseDate(createdDay))}申请办理的“${esc(service?.name ?? '')}”（办件编号：${esc(row.number)}），经审查，申请材料尚不齐全。现将需要补正的全部材料一次性告知如下：</p>
<h2>一、需要补正的材料</h2>
<table class="materials">
<thead><tr><th>序号</th><th>材料名称</th><th>份数</th><th>形式</th><th>说明</th></tr></thead>
<tbody>
${lines}
</tbody>
</table>
<h2>二、下一步办理流程</h2>
<p>${paragraphs(notice.nextSteps)}</p>
<h2>三、注意事项</h2>
${notice.notes ? `<p>${paragraphs(notice.notes)}</p>` : ''}
<p>${esc(NOTICE_CLOSING)}</p>
<div class="foot">
${trackingBlock(trackUrl)}
${sealBlock([hall.name, windowNumber !== null ? `办理窗口：${windowNumber} 号窗口` : ''].filter(Boolean), notice.issuedDay)}
</div>`;
  return page(`一次性告知书 ${notice.number}`, { hallName: hall.name, hallAddress: hall.address, hallPhone: hall.phone }, body);
}
