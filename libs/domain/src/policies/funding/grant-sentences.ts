/**
 * The sentences of a grant's checks and caps, by rule id: what SubsidyGranted version 3 records in their place. A
 * check or a cap records its rule, its variant (where the rule says more than one sentence) and the facts its sentence
 * names that the grant does not hold itself (an approval date, a parameter's value); a view renders the sentence here,
 * from those facts and the grant's own terms, exactly as the decision said it (the same template and values, so every
 * language renders it as before).
 *
 * The words of a recorded variant never change: a rule that comes to say something else gets a new variant, and the
 * old one stays for the grants that recorded it. A sentence that no form here renders exactly as decided (a new rule,
 * a changed sentence) is recorded whole, as `detail`, so a decision never loses a word.
 */
import { Fen, percentOf } from '../../shared/money';
import { ConsortiumPolicyId } from '../../shared/policy-ids';
import {
  isRuleTitle,
  isSentence,
  say,
  Sentence,
  SentenceParam,
  sentenceParam,
  titleOf,
  Words,
} from '../../shared/sentence';
import { statusWord } from '../../shared/status-words';
import { describeUnit } from '../unit-rules';
import { amountOfText, amountText } from './amount-text';
import { GrantTerms, RecipientRole } from './grant-terms';

/** What a check or cap names besides the grant's terms: `{ approvedOn: '2024-05-01' }`, `{ minFen: 100万 }`. */
export type SentenceFacts = Record<string, string | number>;

/** How a decided sentence is recorded: which of the rule's sentences (none when it has one) and its facts. */
export interface RecordedWords {
  variant?: string;
  facts?: SentenceFacts;
}

/** What a grant's sentences read from the grant itself: its event, or its subsidy's state (`amountFen` as granted). */
export type GrantSaid = Pick<
  GrantTerms,
  | 'consortiumId'
  | 'recipient'
  | 'category'
  | 'amountFen'
  | 'fiscalYear'
  | 'grantedOn'
  | 'projectId'
  | 'platformId'
  | 'projectTotalInvestmentFen'
  | 'rdSpendingFen'
> & {
  policy: ConsortiumPolicyId;
  recipientRole: RecipientRole;
  recipientLeads?: ReadonlyArray<string>;
  evaluationPeriod?: string;
};

/** The check or cap a sentence is said of: its rule, and a cap's limit. */
export interface SaidOf {
  rule: string;
  limitFen?: Fen | null;
}

/** One value of a sentence: how a view renders it, and which facts it records when decided. */
interface Slot {
  value(grant: GrantSaid, facts: Readonly<SentenceFacts>, of: SaidOf): unknown;
  /** Records the facts the decided value names; none where the grant, the cap or the rule answers it. */
  record?(decided: SentenceParam, grant: GrantSaid, into: SentenceFacts): void;
}

interface Form {
  say: string;
  with: ReadonlyArray<Slot>;
}

/** A rule's sentences by variant; a rule that says one sentence has it under ONLY and records no variant. */
type Forms = Readonly<Record<string, Form>>;
const ONLY = '';

const form = (template: string, ...slots: Slot[]): Form => ({ say: template, with: slots });
const only = (one: Form): Forms => ({ [ONLY]: one });

const amount = (fen: unknown) => (typeof fen === 'number' ? amountText(fen) : undefined);

/** A term of the grant. */
const term = (field: keyof GrantSaid): Slot => ({ value: (grant) => grant[field] });
/** A value the grant, the recorded facts or the cap answer. */
const from = (value: Slot['value']): Slot => ({ value });
/** A fact recorded as said: a date, a percentage. */
const fact = (name: string): Slot => ({
  value: (_grant, facts) => facts[name],
  record: (decided, _grant, into) => {
    if (typeof decided === 'string' || typeof decided === 'number') into[name] = decided;
  },
});
/** An amount recorded in fen, said as `amountText` says it. */
const amountFact = (name: string): Slot => ({
  value: (_grant, facts) => amount(facts[name]),
  record: (decided, _grant, into) => {
    const fen = amountOfText(decided);
    if (fen !== undefined) into[name] = fen;
  },
});
const ruleTitle = from((_grant, _facts, of) => titleOf(of.rule));
const capLimit = from((_grant, _facts, of) => amount(of.limitFen));

/** lifecycle.in-force: the end of the policy's period, where it has one. */
const until: Slot = {
  value: (_grant, facts) => (facts.to === undefined ? '' : say` to ${facts.to}`),
  record: (decided, _grant, into) => {
    if (isSentence(decided) && typeof decided.with[0] === 'string') into.to = decided.with[0];
  },
};

/** The recipient by name and credit code (describeUnit): the grant holds the code, the name is recorded. */
const recipientNamed: Slot = {
  value: (grant, facts) => describeUnit({ name: String(facts.recipientName), creditCode: grant.recipient }),
  record: (decided, grant, into) => {
    const code = ` (${grant.recipient})`;
    if (typeof decided === 'string' && decided.endsWith(code)) into.recipientName = decided.slice(0, -code.length);
  },
};

const perGrantMinimum = form(
  '{0} granted; {1}: at least {2}',
  from((g) => amount(g.amountFen)),
  ruleTitle,
  amountFact('minFen'),
);
const perGrantMaximum = form('{0}: at most {1} per grant', ruleTitle, capLimit);
const onceOnly = form('not granted to alliance {0} before', term('consortiumId'));
const onceOnlyCap = form('{0} for alliance {1}', term('category'), term('consortiumId'));
const uncappedProject = form(
  "project {0}: the text sets no amount; every grant counts toward the 盟主's year",
  term('projectId'),
);

/** The sentences of the checks a grant passes: grant-validity.ts, then each category's rules. */
const CHECK_SENTENCES: Readonly<Record<string, Forms>> = {
  'ledger.consortium-active': {
    status: form(
      'consortium {0} is {1}; subsidies are granted to active consortia',
      term('consortiumId'),
      from(() => statusWord('active')),
    ),
    approval: form(
      'consortium {0} was approved on {1}; the grant is dated {2}',
      term('consortiumId'),
      fact('approvedOn'),
      term('grantedOn'),
    ),
  },
  'ledger.category-of-policy': only(
    form(
      '{0} belongs to {1}; consortium {2} is under {3}',
      term('category'),
      term('policy'),
      term('consortiumId'),
      term('policy'),
    ),
  ),
  'lifecycle.in-force': only(
    form('{0} is in force from {1}{2}; the grant is dated {3}', term('policy'), fact('from'), until, term('grantedOn')),
  ),
  'ledger.fiscal-year': only(form('fiscal year {0}, granted on {1}', term('fiscalYear'), term('grantedOn'))),
  'ledger.recipient-member': only(form("{0} is the consortium's {1}", term('recipient'), term('recipientRole'))),
  'tianjin.fraud': only(form('{0} is not recorded as dishonest', term('recipient'))),
  'ledger.project-consistent': {
    first: form(
      'project {0} {1}',
      term('projectId'),
      from(() => say`is granted for the first time`),
    ),
    again: form(
      'project {0} {1}',
      term('projectId'),
      from(() => say`matches its earlier grants`),
    ),
  },
  'liaoning.operating-funds': { mengzhu: form('the recipient is the 盟主'), minimum: perGrantMinimum },
  'liaoning.talent': only(perGrantMinimum),
  'liaoning.key-project': only(form('the recipient is the 盟主 (支持“盟主”企业)')),
  'liaoning.transformation': only(
    form(
      "the recipient, the alliance's {0}, leads project {1} (联盟成员单位牵头; asserted by the grant)",
      from((g) => (g.recipientRole === 'lead' ? '盟主' : say`member`)),
      term('projectId'),
    ),
  ),
  'liaoning.rd-reward': only(
    form(
      'the recipient {0} is an enterprise of the alliance{1}',
      recipientNamed,
      from((g) => (g.rdSpendingFen !== undefined ? say`; R&D spending ${amountText(g.rdSpendingFen)}` : '')),
    ),
  ),
  'tianjin.filing-subsidy': only(onceOnly),
  'tianjin.national-pilot': only(onceOnly),
  'tianjin.evaluation-award': {
    excellent: form(
      'the latest evaluation ({0}, {1}) is graded {2}; an award needs excellent',
      term('evaluationPeriod'),
      fact('evaluatedOn'),
      from(() => 'excellent'),
    ),
    once: form('no award yet for the evaluation of {0}', term('evaluationPeriod')),
  },
};

/** The sentences of the caps a grant is checked against: each category's, then its policy's. */
const CAP_SENTENCES: Readonly<Record<string, Forms>> = {
  'liaoning.operating-funds': only(perGrantMaximum),
  'liaoning.talent': only(perGrantMaximum),
  'liaoning.jiebang': only(
    form(
      "{0}% of the project's total investment {1} is {2}, and at most {3} per project: limit {4}",
      fact('sharePercent'),
      from((g) => amount(g.projectTotalInvestmentFen)),
      from((g, facts) =>
        typeof facts.sharePercent === 'number' && g.projectTotalInvestmentFen !== undefined
          ? amountText(percentOf(g.projectTotalInvestmentFen, facts.sharePercent))
          : undefined,
      ),
      amountFact('maxFen'),
      capLimit,
    ),
  ),
  'liaoning.key-project': only(uncappedProject),
  'liaoning.transformation': only(uncappedProject),
  'liaoning.rd-reward': only(form("the text sets no amount or proportion; every grant counts toward the 盟主's year")),
  'liaoning.alliance-no-cap': only(
    form(
      'no annual cap per alliance (单个联盟年度最高支持不设上限): consortium {0} is not capped',
      term('consortiumId'),
    ),
  ),
  'liaoning.mengzhu-annual-cap': only(
    form(
      'the 盟主 {0} (of {1}) in fiscal year {2}, all categories and roles together',
      term('recipient'),
      from((g) => g.recipientLeads?.join(', ')),
      term('fiscalYear'),
    ),
  ),
  'luzhou.platform-cap': only(form('platform {0}, all its grants together', term('platformId'))),
  'luzhou.transformation-cap': only(form('project {0}, all its grants together', term('projectId'))),
  'ledger.nmg-project': only(form('project {0}: the plan sets no numeric cap', term('projectId'))),
  'tianjin.filing-subsidy': only(onceOnlyCap),
  'tianjin.national-pilot': only(onceOnlyCap),
  'tianjin.evaluation-award': only(
    form('award for the evaluation of {0} of alliance {1}', term('evaluationPeriod'), term('consortiumId')),
  ),
};

const rendered = (f: Form, grant: GrantSaid, facts: Readonly<SentenceFacts>, of: SaidOf): Sentence => ({
  say: f.say,
  with: f.with.map((slot) => sentenceParam(slot.value(grant, facts, of))),
});

function namesAny(facts: SentenceFacts): boolean {
  for (const _name in facts) return true;
  return false;
}

function sameWords(a: SentenceParam, b: SentenceParam): boolean {
  if (isSentence(a) && isSentence(b))
    return a.say === b.say && a.with.length === b.with.length && a.with.every((v, i) => sameWords(v, b.with[i]));
  if (isRuleTitle(a) && isRuleTitle(b)) return a.titleOf === b.titleOf;
  return a === b;
}

/** The variant and facts that render `detail` exactly as decided; undefined when no form does (it is kept whole). */
function recordedWords(
  sentences: Readonly<Record<string, Forms>>,
  of: SaidOf,
  detail: Words,
  grant: GrantSaid,
): RecordedWords | undefined {
  const forms = sentences[of.rule];
  if (forms === undefined || !isSentence(detail)) return undefined;
  for (const variant in forms) {
    const f = forms[variant];
    if (f.say !== detail.say || f.with.length !== detail.with.length) continue;
    const facts: SentenceFacts = {};
    for (let i = 0; i < f.with.length; i++) f.with[i].record?.(detail.with[i], grant, facts);
    // Recorded only if it renders back exactly: value by value, as `rendered` renders it.
    let same = true;
    for (let i = 0; same && i < f.with.length; i++)
      same = sameWords(sentenceParam(f.with[i].value(grant, facts, of)), detail.with[i]);
    if (!same) continue;
    const words: RecordedWords = {};
    if (variant !== ONLY) words.variant = variant;
    if (namesAny(facts)) words.facts = facts;
    return words;
  }
  return undefined;
}

function sentenceOf(
  sentences: Readonly<Record<string, Forms>>,
  of: SaidOf & RecordedWords,
  grant: GrantSaid,
): Sentence {
  const f = sentences[of.rule]?.[of.variant ?? ONLY];
  // Unreachable for a recorded grant (a variant is recorded only when its form renders it), unless a form was removed.
  if (f === undefined) throw new Error(`no sentence for ${of.rule} (variant ${JSON.stringify(of.variant ?? ONLY)})`);
  return rendered(f, grant, of.facts ?? {}, of);
}

/** How a passed check's sentence is recorded, or undefined to keep it whole. */
export const recordedCheckWords = (of: SaidOf, detail: Words, grant: GrantSaid) =>
  recordedWords(CHECK_SENTENCES, of, detail, grant);

/** How a cap's sentence is recorded, or undefined to keep it whole. */
export const recordedCapWords = (of: SaidOf, detail: Words, grant: GrantSaid) =>
  recordedWords(CAP_SENTENCES, of, detail, grant);

/** A recorded check's sentence, as decided. */
export const checkSentence = (of: SaidOf & RecordedWords, grant: GrantSaid): Sentence =>
  sentenceOf(CHECK_SENTENCES, of, grant);

/** A recorded cap's sentence, as decided. */
export const capSentence = (of: SaidOf & RecordedWords, grant: GrantSaid): Sentence =>
  sentenceOf(CAP_SENTENCES, of, grant);

/** Every rule and variant that has a sentence here (for the spec that shows each renders as decided). */
export const SENTENCE_VARIANTS = {
  checks: Object.entries(CHECK_SENTENCES).flatMap(([rule, forms]) => Object.keys(forms).map((v) => `${rule}/${v}`)),
  caps: Object.entries(CAP_SENTENCES).flatMap(([rule, forms]) => Object.keys(forms).map((v) => `${rule}/${v}`)),
};
