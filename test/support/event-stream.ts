/** A client of GET /v1/stream for tests: server-sent events parsed as they come, with a wait for what a test expects. */
import { ClientRequest, get, IncomingMessage } from 'node:http';

export interface SseMessage {
  id?: string;
  event?: string;
  data?: any;
  comment?: string;
}

/** An open stream: the messages so far, and a wait for the next one that matches. */
export function openStream(url: string, headers: Record<string, string> = {}) {
  const messages: SseMessage[] = [];
  const waiters: Array<() => void> = [];
  let request: ClientRequest;
  const response = new Promise<IncomingMessage>((resolve, reject) => {
    request = get(url, { headers: { accept: 'text/event-stream', ...headers } }, (res) => {
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const message: SseMessage = {};
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) message.comment = line.slice(1).trim();
            const [, field, value] = /^(id|event|data): ?(.*)$/.exec(line) ?? [];
            if (field === 'data') message.data = JSON.parse(value);
            else if (field) message[field as 'id' | 'event'] = value;
          }
          messages.push(message);
          waiters.splice(0).forEach((wake) => wake());
        }
      });
      resolve(res);
    });
    request.on('error', reject);
  });
  return {
    response,
    messages,
    changes: () => messages.filter((m) => m.event === 'change'),
    async until(predicate: (all: SseMessage[]) => boolean, timeoutMs = 5_000): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(messages)) {
        if (Date.now() > deadline) throw new Error(`timed out; got ${JSON.stringify(messages, null, 1)}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
    },
    close: () => request.destroy(),
  };
}
