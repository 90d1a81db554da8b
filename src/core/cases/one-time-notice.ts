// 一次性告知 is told once: the first notice on a case must list everything the
// applicant still needs. A later notice may repeat what the first asked for, and may ask again
// for something handed in and then found defective — but asking for a material that was in the
// service's list when the first notice was issued, and that the first notice left out, is a
// second round of new demands: the notice is still issued (the applicant needs it), and the
// breach is recorded and reported.
//
// A material the service added after the first notice was not there to ask for, so asking for
// it later is no breach.

export interface FirstNoticeSnapshot {
  /** The materials the first notice asked for. */
  readonly missingIds: readonly string[];
  /** The service's material ids when the first notice was issued. */
  readonly serviceMaterialIdsAtFirst: readonly string[];
}

/** The material ids a later notice asks for in breach of R-12, in the order given. */
export function secondRoundBreach(
  firstNotice: FirstNoticeSnapshot,
  nowMissing: readonly string[],
  defectiveIds: readonly string[],
): string[] {
  const askedFirst = new Set(firstNotice.missingIds);
  const couldHaveAsked = new Set(firstNotice.serviceMaterialIdsAtFirst);
  const defective = new Set(defectiveIds);
  return [...new Set(nowMissing)].filter((id) => couldHaveAsked.has(id) && !askedFirst.has(id) && !defective.has(id));
}

/** 下一步流程 when staff write none: where to come back to, and that it will be accepted then. */
export function defaultNextSteps(windowNumber: number | null): string {
  const where = windowNumber === null ? '本大厅窗口' : `本大厅 ${windowNumber} 号窗口`;
  return `请您按本告知书备齐上述材料后，携带本告知书到${where}办理。材料齐全、符合法定形式的，我们将当场受理并出具受理回执。`;
}
