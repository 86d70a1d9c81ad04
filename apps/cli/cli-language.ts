import { Option } from 'commander';
import { Sentence } from '@ledger/domain/shared/sentence';
import { Language, renderSentence } from '@ledger/presentation/sentences/render-words';

/**
 * The language the CLI prints its words in, as the API chooses by Accept-Language: `--lang zh|en`, else LEDGER_LANG,
 * else the locale (LC_ALL, then LANG): English when it starts with `en`, Chinese otherwise.
 */
export function defaultCliLanguage(env: NodeJS.ProcessEnv = process.env): Language {
  const chosen = env.LEDGER_LANG || env.LC_ALL || env.LANG || '';
  return /^en/i.test(chosen) ? 'en' : 'zh';
}

/** A sentence as the CLI prints it: in the language chosen (--lang, LEDGER_LANG, the locale), Chinese by default. */
export const inCliLanguage = (sentence: Sentence, lang: Language | undefined): string =>
  renderSentence(sentence, lang ?? defaultCliLanguage());

export const langOption = () =>
  new Option('--lang <language>', 'the language of the words printed: zh or en (LEDGER_LANG, else LC_ALL/LANG)')
    .choices(['zh', 'en'])
    .default(defaultCliLanguage());
