import { describe, expect, it } from 'vitest';
import { appendPage, changesExtensionList, refreshSize } from './extensionRequestPages';
import type { ExtensionRequest } from './extensionRequestsApi';

const request = (id: string) => ({ id }) as ExtensionRequest;

describe('the 延期 request list, page by page', () => {
  it('appends the next page after what is shown, without showing a request twice when the list moved between pages', () => {
    const shown = [request('a'), request('b')];
    expect(appendPage(shown, [request('b'), request('c')]).map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(appendPage([], [request('a')]).map((r) => r.id)).toEqual(['a']);
  });

  it('refreshes at least a page and every request in view, within the server limit of 200', () => {
    expect(refreshSize(0)).toBe(50);
    expect(refreshSize(120)).toBe(120);
    expect(refreshSize(450)).toBe(200);
  });

  it('is refreshed when a request is made or decided, a case is completed or a light changes, not on every case edit', () => {
    for (const name of ['case.extension_requested', 'case.extension_decided', 'case.completed', 'case.light_changed']) {
      expect(changesExtensionList(name), name).toBe(true);
    }
    for (const name of ['case.created', 'case.updated', 'case.notice_issued']) expect(changesExtensionList(name), name).toBe(false);
  });
});
