// Whether a dialog is on screen. antd keeps a closed modal's wrapper in the page (hidden), so the
// wrapper's presence alone says nothing.
export function dialogOpen(selector = '.ant-modal-wrap'): boolean {
  if (typeof document === 'undefined') return false;
  return [...document.querySelectorAll<HTMLElement>(selector)].some((el) => getComputedStyle(el).display !== 'none');
}
