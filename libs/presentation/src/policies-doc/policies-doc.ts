/**
 * docs/POLICIES.md, rendered from the policy catalogue view (the same view GET /v1/policies answers). Unformatted
 * Markdown: `npm run docs` (scripts/policies-doc.js) formats it with prettier and writes it; test/docs checks it.
 */
import { FIRST_CATALOGUE_VERSION, LedgerInterpretation } from '@ledger/domain/policies/ledger-interpretations';
import { FundingView, ParameterView, PolicyCatalogueView, PolicyView, RuleView } from '../policy-catalogue.view';
import { blocks, bullets, code, table } from './markdown';
import { parameterValueText, periodText } from './parameter-values';
import {
  CREDIT_CODE_TEXT,
  CREDIT_CODE_TITLE,
  DATED_INTERPRETATIONS_INTRO,
  GENERATED_MARK,
  INTRO,
  LEDGER_RULES_INTRO,
  LIFECYCLE_INTRO,
  LIFECYCLE_TITLE,
} from './policies-doc.prose';

/** Where each policy's text is, relative to docs/. */
export const policyTextPath = (policyId: string): string => `policies/${policyId}.txt`;

const DATED_TITLE = 'Ledger interpretations by catalogue version';
const anchor = (title: string) =>
  `#${title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .replace(/\s/g, '-')}`;

function waivableText(rule: RuleView): string {
  if (!rule.waiver) return 'no';
  const where = rule.waiver.decidedAt === 'filing' ? 'in the filing' : 'before approval or later';
  return `yes, ${where}: ${rule.waiver.text}`;
}

function rulesTable(rules: ReadonlyArray<RuleView>, waivable: boolean): string {
  const said = (rule: RuleView) => (rule.textOnly ? `${rule.text} (*text only*: ${rule.textOnly})` : rule.text);
  const header = ['rule', 'what it says', 'clause', ...(waivable ? ['waivable (原则上)'] : [])];
  return table(
    header,
    rules.map((rule) => [code(rule.rule), said(rule), rule.citation, ...(waivable ? [waivableText(rule)] : [])]),
  );
}

function parametersTable(parameters: ReadonlyArray<ParameterView>): string {
  const rows = parameters.flatMap((p) =>
    p.versions.map((version, i) => [
      i === 0 ? code(p.name) : '',
      i === 0 ? p.description : '',
      code(p.rule),
      p.citation,
      parameterValueText(p, version.value),
      periodText(version),
    ]),
  );
  return table(['parameter', 'what it is', 'rule', 'clause', 'value', 'in force'], rows);
}

function fundingSection(funding: FundingView): string {
  const byName = new Map(funding.parameters.map((p) => [p.name, p]));
  const limits = (names: ReadonlyArray<string>) =>
    names
      .map((name) => byName.get(name))
      .filter((p): p is ParameterView => p !== undefined)
      .map((p) => `${p.name}: ${p.versions.map((v) => parameterValueText(p, v.value)).join(' / ')}`)
      .join('; ');
  const inCategories = new Set(funding.categoryDetails.flatMap((c) => c.parameters));
  const policyWide = funding.parameters.filter((p) => !inCategories.has(p.name)).map((p) => p.name);
  const { inForce } = funding;
  return blocks(
    '### Funding',
    `Grants are dated ${periodText(inForce)}${inForce.to ? '' : ', no end date'} (${code(inForce.rule)}, ` +
      `${inForce.citation}). Termination: ${code(funding.termination.rule)} (${funding.termination.citation}); ` +
      `payments after the consortium ended: ${code(funding.projectChange.rule)} (${funding.projectChange.citation}).`,
    table(
      ['category', 'granted under', 'clause', 'what it is', 'needs', 'limits'],
      funding.categoryDetails.map((c) => [
        code(c.id),
        code(c.rule),
        c.citation,
        c.description,
        c.requires.map(code).join(', ') || '—',
        limits(c.parameters) || '—',
      ]),
    ),
    policyWide.length > 0 && `Across the categories: ${limits(policyWide)}.`,
    parametersTable(funding.parameters),
  );
}

/** Each reading kept with a parameter or rule of the policy, once, and the dated ones that read its rules. */
function interpretationsSection(policy: PolicyView): string {
  const readings: Array<{ rule: string; citation: string; text: string }> = [
    ...(policy.inForce.interpretation ? [{ ...policy.inForce, text: policy.inForce.interpretation }] : []),
    ...policy.rules.flatMap((r) => (r.interpretation ? [{ ...r, text: r.interpretation }] : [])),
    ...[...policy.parameters, ...(policy.funding?.parameters ?? [])].flatMap((p) =>
      p.interpretation ? [{ rule: p.rule, citation: p.citation, text: p.interpretation }] : [],
    ),
    ...(policy.funding?.inForce.interpretation
      ? [{ ...policy.funding.inForce, text: policy.funding.inForce.interpretation }]
      : []),
  ];
  const seen = new Set<string>();
  const unique = readings.filter((r) => {
    const key = `${r.rule}\u0000${r.text}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  const dated = policy.ledgerInterpretations.map((i) => `${code(i.id)} (${i.since})`);
  return blocks(
    '### Ledger interpretations',
    bullets(unique.map((r) => `${code(r.rule)} (${r.citation}): ${r.text}`)),
    dated.length > 0 &&
      `Dated readings of its rules: ${dated.join(', ')} (see [${DATED_TITLE}](${anchor(DATED_TITLE)})).`,
  );
}

function policySection(policy: PolicyView): string {
  const { inForce } = policy;
  const until = inForce.to ? ` until ${inForce.to}` : ', no end date';
  return blocks(
    `## ${code(policy.id)} — ${policy.title}`,
    `Issued by ${policy.issuer}, ${policy.issuedOn}. In force from ${inForce.from}${until} ` +
      `(${code(inForce.rule)}, ${inForce.citation}). Text: [${code(policyTextPath(policy.id))}](${policyTextPath(policy.id)}).`,
    '### Rules',
    rulesTable(policy.rules, policy.kind === 'consortium'),
    '### Parameters',
    parametersTable(policy.parameters),
    policy.funding && fundingSection(policy.funding),
    interpretationsSection(policy),
  );
}

function datedSection(entries: ReadonlyArray<LedgerInterpretation>): string {
  return blocks(
    `## ${DATED_TITLE}`,
    DATED_INTERPRETATIONS_INTRO(FIRST_CATALOGUE_VERSION),
    ...entries.map((entry) =>
      blocks(
        `### ${code(entry.id)} — ${entry.since}`,
        `Reads ${entry.rules.map(code).join(', ')}. ${entry.text}`,
        entry.replaces && `Replaces: ${entry.replaces}`,
      ),
    ),
  );
}

export function renderPoliciesDoc(view: PolicyCatalogueView): string {
  const isLifecycle = (rule: RuleView) => rule.rule.startsWith('lifecycle.');
  return blocks(
    GENERATED_MARK,
    '# The policy documents, as rules',
    INTRO,
    `Policy catalogue version: **${view.catalogueVersion}**. Every event records the catalogue version it was ` +
      'decided under; a recorded event is never judged again under a later one.',
    ...view.items.map(policySection),
    `## ${LIFECYCLE_TITLE}`,
    LIFECYCLE_INTRO,
    rulesTable(view.ledgerRules.filter(isLifecycle), false),
    '## Rules the ledger adds',
    LEDGER_RULES_INTRO,
    rulesTable(
      view.ledgerRules.filter((rule) => !isLifecycle(rule)),
      false,
    ),
    datedSection(view.ledgerInterpretations),
    `## ${CREDIT_CODE_TITLE}`,
    CREDIT_CODE_TEXT,
  ).concat('\n');
}
