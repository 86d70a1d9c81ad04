import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { renderSentences } from '@ledger/presentation/sentences/render-words';
import type { Language } from '../http/preferred-language';
import { Checkpoint, READ_STORE, ReadStore } from './read-store.port';

/**
 * An answer as it goes on the wire: its JSON, encoded once (UTF-8, so that sending it again and again encodes nothing),
 * and the weak ETag of that JSON (the tag etagsOnReads gives any read).
 */
export class KeptAnswer {
  private gzip: Buffer | undefined;

  constructor(
    readonly body: Buffer,
    readonly etag: string,
  ) {}

  /**
   * The body gzipped, made when first asked for and then kept (~1 ms for the dashboard's 30 KB, which shrinks ~14
   * times: most of it is Chinese texts repeated): the browsers of a dashboard's every open page ask for it.
   */
  get gzipped(): Buffer {
    return (this.gzip ??= gzipSync(this.body));
  }
}

const MAX_KEPT = 64;

/**
 * Answers that follow from the read models and their key alone (the dashboard: counters and deadlines over every
 * consortium), computed once per state of the read models. The read store commits every checkpoint with its rows, so
 * the same checkpoints are the same rows and the same answer; any projection that moves, a rebuild included, changes
 * them. Read from the store rather than the engine's memory so that it holds where another process projects into a
 * shared read store. Everything else the answer depends on (the business date, the reader's jurisdiction, the query)
 * is in the key the caller gives; the language is part of the key, and the answer's sentences are rendered in it as
 * every other answer's are (answer-language.ts: a kept answer is JSON already, past that hook). Concurrent asks for the
 * same answer share one computation.
 */
@Injectable()
export class AnswersAtCheckpoints {
  private readonly kept = new Map<string, { checkpoints: string; answer: Promise<KeptAnswer> }>();
  /** The text of the checkpoints last read: the read store answers the same map until one moves (SQLite). */
  private checkpointsRead: { map: ReadonlyMap<string, Checkpoint>; text: string } | undefined;

  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async answer(language: Language, query: string, compute: () => Promise<unknown>): Promise<KeptAnswer> {
    const key = `${language} ${query}`;
    const checkpoints = await this.checkpointsText();
    const kept = this.kept.get(key);
    if (kept?.checkpoints === checkpoints) {
      this.keep(key, kept);
      return kept.answer;
    }
    const answer = compute().then((value) => {
      const body = Buffer.from(JSON.stringify(renderSentences(value, language)));
      return new KeptAnswer(body, `W/"${createHash('sha1').update(body).digest('base64')}"`);
    });
    this.keep(key, { checkpoints, answer });
    answer.catch(() => this.kept.get(key)?.answer === answer && this.kept.delete(key));
    return answer;
  }

  private async checkpointsText(): Promise<string> {
    const map = await this.readStore.checkpoints();
    if (this.checkpointsRead?.map !== map) this.checkpointsRead = { map, text: checkpointsText(map) };
    return this.checkpointsRead.text;
  }

  private keep(key: string, entry: { checkpoints: string; answer: Promise<KeptAnswer> }): void {
    this.kept.delete(key); // re-inserted last: the map's order is the order of use, the first the one to let go
    this.kept.set(key, entry);
    if (this.kept.size > MAX_KEPT) this.kept.delete(this.kept.keys().next().value as string);
  }
}

const checkpointsText = (checkpoints: ReadonlyMap<string, Checkpoint>): string =>
  [...checkpoints]
    .map(([name, { position, version }]) => `${name}@${version}:${position}`)
    .sort()
    .join(',');
