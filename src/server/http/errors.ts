// One error type for every expected failure, with a closed set of codes. The table below is
// the only place that maps a code to an HTTP status and to the words a person reads.
export const errorTable = {
  validation_failed: { status: 400, zh: '提交的内容有误，请检查后重试。', en: 'The request has invalid fields.' },
  invalid_json: { status: 400, zh: '请求内容不是有效的 JSON。', en: 'The request body is not valid JSON.' },
  invalid_date: { status: 400, zh: '日期无效，请使用 YYYY-MM-DD 格式。', en: 'Invalid date; use YYYY-MM-DD.' },
  invalid_hours: { status: 400, zh: '营业时间设置有误。', en: 'The opening hours are invalid.' },
  invalid_photo: { status: 400, zh: '照片格式不支持，请上传 PNG、JPEG 或 WebP 图片。', en: 'Unsupported photo; upload PNG, JPEG or WebP.' },
  wrong_password: { status: 400, zh: '当前密码不正确。', en: 'The current password is wrong.' },
  unauthenticated: { status: 401, zh: '请先登录。', en: 'Please sign in first.' },
  invalid_credentials: { status: 401, zh: '用户名或密码不正确。', en: 'Wrong username or password.' },
  forbidden: { status: 403, zh: '您没有执行此操作的权限。', en: 'You are not allowed to do this.' },
  origin_rejected: { status: 403, zh: '请求来源不受信任，已拒绝。', en: 'Request origin rejected.' },
  not_found: { status: 404, zh: '未找到所请求的内容。', en: 'Not found.' },
  route_not_found: { status: 404, zh: '接口不存在。', en: 'No such endpoint.' },
  username_taken: { status: 409, zh: '该用户名已被使用。', en: 'That username is taken.' },
  service_code_taken: { status: 409, zh: '本大厅已有相同编码的服务事项。', en: 'A service with this code exists in this hall.' },
  ticket_prefix_taken: { status: 409, zh: '本大厅已有服务事项使用该号码前缀。', en: 'Another service in this hall uses this ticket prefix.' },
  window_number_taken: { status: 409, zh: '本大厅已有相同编号的窗口。', en: 'A window with this number exists in this hall.' },
  archived: { status: 409, zh: '该记录已归档，不能再修改。', en: 'This record is archived and cannot be changed.' },
  hall_archived: { status: 409, zh: '该服务大厅已停用，不能再修改。', en: 'This hall is archived; nothing in it can be changed.' },
  last_admin: { status: 409, zh: '这是最后一个系统管理员账号，不能停用或降级。', en: 'This is the last active admin; it cannot be deactivated or demoted.' },
  cannot_deactivate_self: { status: 409, zh: '不能停用自己的账号。', en: 'You cannot deactivate your own account.' },
  hall_closed: { status: 409, zh: '当前不在办公时间内，请在开放时间前来办理。', en: 'The hall is closed now.' },
  no_open_window: { status: 409, zh: '该事项暂无窗口办理，请咨询导办台。', en: 'No window is serving this service now.' },
  checklist_incomplete: { status: 400, zh: '请先完成开窗前的全部检查项（五个到位）。', en: 'Tick every item of the opening checklist first.' },
  window_not_open: { status: 409, zh: '窗口未开放或已暂停，请先开窗或恢复服务。', en: 'The window is not open.' },
  window_busy: { status: 409, zh: '当前号码尚未办结，请先办结、过号或转移。', en: 'The window still holds a ticket; finish it first.' },
  window_taken: { status: 409, zh: '该窗口已由其他工作人员签到。', en: 'Someone else is signed in to this window.' },
  already_signed_in: { status: 409, zh: '您已在其他窗口签到，请先在该窗口签退后再签到本窗口。', en: 'You are signed in to another window; sign out there before signing in here.' },
  not_window_staff: { status: 403, zh: '只有签到该窗口的工作人员可以操作。', en: 'Only the person signed in to this window may do this.' },
  tickets_waiting: { status: 409, zh: '仍有群众在等候且无其他窗口办理，不能提前关闭窗口（准时满点）。', en: 'People are still waiting and no other window serves them.' },
  invalid_transition: { status: 409, zh: '该号码当前状态不允许此操作。', en: 'This ticket cannot do that in its current state.' },
  bound_to_other_window: { status: 409, zh: '该号码已转至其他窗口办理。', en: 'This ticket was transferred to another window.' },
  recall_limit_reached: { status: 409, zh: '已达到重呼次数上限，请按过号处理。', en: 'Recall limit reached; mark it a no-show.' },
  recalls_remaining: { status: 409, zh: '请先重呼，重呼次数用完后再按过号处理。', en: 'Recall the number before marking a no-show.' },
  rejoin_window_passed: { status: 409, zh: '已超过过号重排的时限，请重新取号。', en: 'Too late to rejoin; please take a new ticket.' },
  rejoin_limit_reached: { status: 409, zh: '该号码已重排过，请重新取号。', en: 'This ticket already rejoined once; please take a new ticket.' },
  transfer_to_same_queue: { status: 409, zh: '不能转移到当前所在的队列或窗口。', en: 'That is the queue the ticket is already in.' },
  case_invalid_transition: { status: 409, zh: '该办件当前状态不允许此操作。', en: 'This case cannot do that in its current state.' },
  materials_incomplete: { status: 409, zh: '申请材料尚未齐全，请先出具一次性告知书，待材料补齐后再受理。', en: 'Materials are still missing; issue a one-time notice first.' },
  nothing_missing: { status: 409, zh: '申请材料已齐全，无需出具一次性告知书，可直接受理。', en: 'Nothing is missing; the case can be accepted.' },
  refusal_basis_required: { status: 400, zh: '不予受理须写明理由和依据（法律条款或规定）。', en: 'A refusal needs a reason and a basis.' },
  extension_pending: { status: 409, zh: '该办件已有待审批的延期申请，请等待审批结果。', en: 'This case already has an extension waiting for a decision.' },
  payload_too_large: { status: 413, zh: '提交的内容过大，请减少内容或分批提交。', en: 'The request body is too large; send less at a time.' },
  unsupported_media_type: { status: 415, zh: '不支持的内容类型。', en: 'Unsupported content type.' },
  rate_limited: { status: 429, zh: '尝试次数过多，请稍后再试。', en: 'Too many attempts; please try again later.' },
  too_many_streams: { status: 429, zh: '您打开的实时页面过多，请关闭部分页面后再试。', en: 'Too many live pages are open from your address; close some and try again.' },
  unavailable: { status: 503, zh: '服务正在停止，请稍后再试。', en: 'The server is shutting down; try again shortly.' },
  internal_error: { status: 500, zh: '系统出现异常，请稍后再试。', en: 'Internal error.' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof errorTable;

export interface FieldError {
  path: string;
  message: string;
  /** The Chinese form of a message we wrote (http/field-messages.ts); never sent as such. */
  zh?: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: FieldError[] | Record<string, unknown> | undefined;
  /** A message that overrides the table's (already localised by the thrower), rarely needed. */
  constructor(code: ErrorCode, details?: FieldError[] | Record<string, unknown>) {
    super(code);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  get status(): number {
    return errorTable[this.code].status;
  }
}

export type Language = 'zh-CN' | 'en';

/** zh-CN unless the client prefers English over Chinese (q-values respected). */
export function pickLanguage(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'zh-CN';
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .filter((l) => l.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const l of ranked) {
    if (l.tag.startsWith('zh')) return 'zh-CN';
    if (l.tag.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}

export function messageFor(code: ErrorCode, lang: Language): string {
  return lang === 'en' ? errorTable[code].en : errorTable[code].zh;
}
