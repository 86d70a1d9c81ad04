import { Words } from '@ledger/domain/shared/sentence';
import { renderWords } from '@ledger/presentation/sentences/render-words';
/**
 * The HTTP layer refusing a request before any handler runs — a body it will not read (too deep, in a charset or a
 * content coding it does not read), a method the path does not have: a 4xx in the ledger's envelope, with the headers
 * that tell the client what would do (`Allow`, `Accept-Encoding`), logged at warn in one line, never with a stack.
 */
export class TransportRefusal extends Error {
  constructor(
    readonly statusCode: 400 | 405 | 413 | 415,
    readonly error: string,
    /** What the answer says (in the language asked for); the log line has it in English. */
    readonly words: Words,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(renderWords(words, 'en'));
    this.name = 'TransportRefusal';
  }
}
