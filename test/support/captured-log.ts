import { Writable } from 'node:stream';

export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

/** The ledger's log, as the lines an operator's collector would receive (pass it as `startLedger({ log })`). */
export class CapturedLog extends Writable {
  readonly lines: LogLine[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) this.lines.push(JSON.parse(line) as LogLine);
    done();
  }
  /** A request's lines; its line is written when its answer has been sent, so they are waited for a moment. */
  async linesOf(correlationId: string): Promise<LogLine[]> {
    for (let waited = 0; waited < 2000; waited += 10) {
      if (this.lines.some((line) => line.correlationId === correlationId)) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return this.lines.filter((line) => line.correlationId === correlationId);
  }
}
