import type { FastifyInstance, FastifyRequest } from 'fastify';
import { renderSentences } from '@ledger/presentation/sentences/render-words';
import { Language, preferredLanguage } from './preferred-language';

const LANGUAGES = new WeakMap<object, Language>();

/** The language a request's answer speaks (Accept-Language: Chinese unless English is preferred). */
export function answerLanguageOf(request: FastifyRequest): Language {
  let language = LANGUAGES.get(request.raw);
  if (language === undefined) {
    language = preferredLanguage(request.headers['accept-language']);
    LANGUAGES.set(request.raw, language);
  }
  return language;
}

/**
 * Every answer in the language its request asked for, in one place: the sentences in it (a rejection's `message`, a
 * verdict's `detail`, a field's `problems`, the platform's own 401/403/404/405/409/503 texts) are rendered just before
 * the body is serialised, and `Content-Language` says which language that was (`Vary: Accept-Language` keeps caches,
 * and the ETag of a read, apart per language).
 */
export function answerInTheAskedLanguage(fastify: FastifyInstance): void {
  fastify.addHook('preSerialization', (request, _reply, payload, done) => {
    done(null, renderSentences(payload, answerLanguageOf(request)));
  });
  fastify.addHook('onSend', (request, reply, payload, done) => {
    reply.header('Content-Language', answerLanguageOf(request) === 'en' ? 'en' : 'zh-CN');
    const vary = reply.getHeader('vary');
    if (!vary) reply.header('Vary', 'Accept-Language');
    else if (!/accept-language/i.test(String(vary))) reply.header('Vary', `${String(vary)}, Accept-Language`);
    done(null, payload);
  });
}
