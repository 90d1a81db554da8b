// The Server-Sent Events wire format, incrementally: complete messages out, the unfinished
// tail kept for the next chunk. Comments (": ping") and `retry:` lines are ignored.
export interface SseMessage {
  id: string | null;
  event: string | null;
  data: string;
}

export function parseSseChunk(buffer: string): { messages: SseMessage[]; rest: string } {
  const normalised = buffer.replace(/\r\n?/g, '\n');
  const blocks = normalised.split('\n\n');
  const rest = blocks.pop() ?? '';
  const messages: SseMessage[] = [];
  for (const block of blocks) {
    let id: string | null = null;
    let event: string | null = null;
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'id') id = value;
      else if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (id !== null || event !== null || data.length) messages.push({ id, event, data: data.join('\n') });
  }
  return { messages, rest };
}
