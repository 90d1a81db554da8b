// The kiosk when every window of a service is paused: the service can still be chosen
// every issued ticket is served), and the button and the issued ticket say so politely.
// Rendered to markup as the kiosk shows it, in Chinese and English.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import i18n from '../i18n/setup';
import { IssuedScreen } from './IssuedScreen';
import type { IssuedTicket, QueueService } from './kioskApi';
import { ServiceGrid } from './ServiceGrid';

const service = (over: Partial<QueueService>): QueueService => ({
  id: 's-1', name: '不动产登记', ticketPrefix: 'B', waiting: 3, priorityWaiting: 0,
  openWindows: 1, staffedWindows: 1, estimatedWaitMinutes: 15, longestWaitMinutes: 4, ...over,
});

const grid = (services: QueueService[]) => renderToStaticMarkup(createElement(ServiceGrid, {
  services, priorityReason: null, onPriority: () => {}, onCancelPriority: () => {}, onChoose: () => {},
}));

const DISABLED = /<button[^>]* disabled=""/;

/** The markup of one service button, by its ticket prefix. */
function button(markup: string, prefix: string): string {
  const match = new RegExp(`<button[^>]*data-testid="kiosk-service-${prefix}"[^>]*>.*?</button>`).exec(markup);
  expect(match, `no button for ${prefix}`).not.toBeNull();
  return match![0];
}

const ticket: IssuedTicket = {
  id: 't-1', number: 'B004', serviceId: 's-1', serviceName: '不动产登记', status: 'waiting', ahead: 3, estimatedWaitMinutes: 15,
  trackToken: 'tok', trackUrl: '/t/t-1?token=tok', issuedAt: '2026-11-26T02:00:00.000Z', hallName: '示范大厅', windowsPaused: true,
};
const issued = (over: Partial<IssuedTicket>) => renderToStaticMarkup(createElement(IssuedScreen, {
  ticket: { ...ticket, ...over }, timezone: 'Asia/Shanghai', priorityReason: null, phone: null, secondsLeft: 20, onPrint: () => {}, onDone: () => {},
}));

beforeAll(async () => {
  // IssuedScreen builds the QR link from the page's address.
  (globalThis as { window?: unknown }).window ??= { location: { origin: 'http://kiosk.test' } };
  await i18n.changeLanguage('zh-CN');
});
afterAll(async () => { await i18n.changeLanguage('zh-CN'); });

describe('a service whose windows are all paused, at the kiosk', () => {
  it('R-05/R-08: keeps the button enabled with its wait, and asks the citizen to bear with the pause', () => {
    const markup = grid([
      service({ ticketPrefix: 'A', name: '社保卡补办' }),
      service({ ticketPrefix: 'B', openWindows: 0, staffedWindows: 2, estimatedWaitMinutes: 15 }),
      service({ ticketPrefix: 'C', name: '户籍迁移', openWindows: 0, staffedWindows: 0, estimatedWaitMinutes: null }),
    ]);
    const paused = button(markup, 'B');
    expect(paused).not.toMatch(DISABLED);
    expect(paused).toContain('约 15 分钟');
    expect(paused).toContain('窗口暂停服务中，请稍候');
    // An open service carries no note; one nobody is signed in for stays unavailable.
    expect(button(markup, 'A')).not.toContain('暂停');
    expect(button(markup, 'C')).toMatch(DISABLED);
    expect(button(markup, 'C')).toContain('暂无窗口办理，请咨询导办台');
    expect(button(markup, 'C')).not.toContain('暂停');
  });

  it('R-05: says so on the issued ticket, and says nothing when a window was open', () => {
    expect(issued({ windowsPaused: true })).toContain('办理窗口正在暂停服务，恢复后将按顺序叫号，请您稍候。');
    expect(issued({ windowsPaused: true })).toContain('预计等候 约 15 分钟');
    expect(issued({ windowsPaused: false })).not.toContain('暂停服务');
  });

  it('R-05: says the same in English', async () => {
    await i18n.changeLanguage('en');
    expect(button(grid([service({ openWindows: 0, staffedWindows: 1 })]), 'B')).toContain('Windows are paused for a moment. Please wait.');
    expect(issued({ windowsPaused: true })).toContain('The windows for this service are paused for a moment.');
  });
});
