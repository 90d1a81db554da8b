// 受理回执 on paper (R-14): the case was accepted on this day and is promised by this deadline,
// counted in the hall's working days; the materials received; a QR code to the tracking page.
import type { Actor } from '../../../core/access/policy.js';
import type { AppContext } from '../../context.js';
import { authorize } from '../../access/authorize.js';
import { AppError } from '../../http/errors.js';
import { hallOfCase } from '../case-view.js';
import { caseMaterialStates, trackPath } from '../present.js';
import * as repo from '../repo.js';
import { amountText, chineseDate, esc, page, sealBlock, trackingBlock } from './page.js';

export async function receiptPrint(ctx: AppContext, actor: Actor, caseId: string, origin: string): Promise<string> {
  const row = await repo.findCase(ctx.db, caseId);
  if (!row) throw new AppError('not_found');
  authorize(actor, 'cases.read', row.hallId);
  const hall = await hallOfCase(ctx.db, row);
  // A receipt exists once the case was accepted (it stays true after completion).
  if (!row.acceptedDay || !row.deadline) throw new AppError('case_invalid_transition', { status: row.status });
  const [service] = await repo.servicesByIds(ctx.db, [row.serviceId]);
  const [acceptor] = await repo.userNames(ctx.db, [row.acceptedBy ?? row.ownerId]);
  const windowNumber = await repo.windowNumber(ctx.db, row.windowId);
  const trackUrl = origin + trackPath(row.id, row.trackToken);
  const received = caseMaterialStates(row, service ?? null).filter((m) => m.submitted);
  const kind = row.kind === 'promised' ? `承诺件（承诺 ${row.promisedDays} 个工作日内办结）` : '即办件（当日办结）';
  const original = row.originalDeadline && row.originalDeadline !== row.deadline ? `（经批准延期，原承诺日期 ${chineseDate(row.originalDeadline)}）` : '';

  const body = `
<h1>受理回执</h1>
<p class="doc-number">办件编号：${esc(row.number)}</p>
<p>${esc(row.applicant.name)}：</p>
<p>　　您好！您申请办理的“${esc(service?.name ?? '')}”，申请材料齐全、符合法定形式，我们已于${esc(chineseDate(row.acceptedDay))}受理，将在下列日期前办结。</p>
<table class="facts">
<tr><th>办件编号</th><td>${esc(row.number)}</td></tr>
<tr><th>申请人</th><td>${esc(row.applicant.name)}</td></tr>
<tr><th>办理事项</th><td>${esc(service?.name ?? '')}</td></tr>
<tr><th>办件类型</th><td>${esc(kind)}</td></tr>
<tr><th>受理日期</th><td>${esc(chineseDate(row.acceptedDay))}</td></tr>
<tr><th>承诺办结日期</th><td><strong>${esc(chineseDate(row.deadline))}</strong>${esc(original)}</td></tr>
<tr><th>受理窗口</th><td>${windowNumber !== null ? `${windowNumber} 号窗口` : '—'}</td></tr>
<tr><th>受理人</th><td>${esc(acceptor?.name ?? '')}</td></tr>
</table>
<h2>已收取的材料</h2>
<table class="materials">
<thead><tr><th>序号</th><th>材料名称</th><th>份数</th></tr></thead>
<tbody>
${received.map((m, i) => `<tr><td>${i + 1}</td><td>${esc(m.name)}</td><td>${esc(amountText(m.originals, m.copies))}</td></tr>`).join('\n') || '<tr><td colspan="3">—</td></tr>'}
</tbody>
</table>
<h2>温馨提示</h2>
<p>办结期限按工作日计算，法定节假日不计算在内。请您妥善保管本回执，领取办理结果时请携带本回执及本人有效身份证件。</p>
<div class="foot">
${trackingBlock(trackUrl)}
${sealBlock([hall.name], row.acceptedDay)}
</div>`;
  return page(`受理回执 ${row.number}`, { hallName: hall.name, hallAddress: hall.address, hallPhone: hall.phone }, body);
}
