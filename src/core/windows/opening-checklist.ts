// R-09 提前10分钟到岗，做好准备: the seed's 五个到位 — the checks a window's staff tick before
// opening. Halls may configure their own list; this is the default.
export interface ChecklistItem { id: string; label: { 'zh-CN': string; en: string } }

export const DEFAULT_OPENING_CHECKLIST: readonly ChecklistItem[] = [
  { id: 'staff', label: { 'zh-CN': '人员到位', en: 'Staff in place' } },
  { id: 'alertness', label: { 'zh-CN': '精神状态到位', en: 'Ready and attentive' } },
  { id: 'equipment', label: { 'zh-CN': '设备工具到位', en: 'Equipment and tools ready' } },
  { id: 'forms_cash', label: { 'zh-CN': '单据现金到位', en: 'Forms and cash ready' } },
  { id: 'safety', label: { 'zh-CN': '安全措施到位', en: 'Safety measures in place' } },
];

export interface HallChecklistItem { id: string; label: string }

/** The hall's own list when it has one, else the default in the reader's language. */
export function openingChecklistFor(custom: readonly HallChecklistItem[] | null | undefined, lang: 'zh-CN' | 'en'): HallChecklistItem[] {
  if (custom && custom.length) return custom.map((i) => ({ id: i.id, label: i.label }));
  return DEFAULT_OPENING_CHECKLIST.map((i) => ({ id: i.id, label: i.label[lang] }));
}

/** Items not ticked: every item must be true to open the window. */
export function uncheckedItems(items: readonly { id: string }[], ticked: Readonly<Record<string, boolean>>): string[] {
  return items.filter((i) => ticked[i.id] !== true).map((i) => i.id);
}
