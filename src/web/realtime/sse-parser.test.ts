import { describe, expect, it } from 'vitest';
import { parseSseChunk } from './sse-parser';

describe('parseSseChunk', () => {
  it('splits complete messages and keeps an unfinished one for the next chunk', () => {
    const { messages, rest } = parseSseChunk('retry: 2000\n\nid: 7\nevent: ticket.called\ndata: {"number":"A001"}\n\nid: 8\nevent: tick');
    expect(messages).toEqual([{ id: '7', event: 'ticket.called', data: '{"number":"A001"}' }]);
    expect(rest).toBe('id: 8\nevent: tick');
    const next = parseSseChunk(`${rest}et.recalled\ndata: {}\n\n`);
    expect(next.messages).toEqual([{ id: '8', event: 'ticket.recalled', data: '{}' }]);
    expect(next.rest).toBe('');
  });

  it('ignores heartbeats and joins multi-line data', () => {
    const { messages } = parseSseChunk(': ping\n\nid: 1\nevent: x\ndata: a\ndata: b\n\n');
    expect(messages).toEqual([{ id: '1', event: 'x', data: 'a\nb' }]);
  });

  it('accepts CRLF line endings', () => {
    expect(parseSseChunk('id: 2\r\nevent: y\r\ndata: {}\r\n\r\n').messages).toEqual([{ id: '2', event: 'y', data: '{}' }]);
  });
});
