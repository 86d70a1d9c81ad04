/** A grant's terms and the vocabulary they use: categories, the recipient's role, the fields a category may require. */
import { BusinessDate } from '../../shared/dates';
import { Fen } from '../../shared/money';

export const FUNDING_CATEGORY_IDS = [
  'liaoning.operating',
  'liaoning.jiebang',
  'liaoning.talent',
  'liaoning.key-project',
  'liaoning.transformation',
  'liaoning.rd-reward',
  'luzhou.platform',
  'luzhou.transformation',
  'tianjin.filing',
  'tianjin.national-pilot',
  'tianjin.evaluation-award',
  'nmg.project',
] as const;

export type FundingCategoryId = (typeof FUNDING_CATEGORY_IDS)[number];

export const isFundingCategoryId = (value: unknown): value is FundingCategoryId =>
  (FUNDING_CATEGORY_IDS as ReadonlyArray<unknown>).includes(value);

/** The recipient's place in the consortium: its lead (盟主, 牵头单位, 对外责任主体单位) or a member. */
export type RecipientRole = 'lead' | 'member';

export type GrantField = 'projectId' | 'projectTotalInvestmentFen' | 'platformId' | 'rdSpendingFen';

/**
 * A grant's terms, declared once: the command carries them, the SubsidyGranted and FundingCommitted events record
 * them, the subsidy's state keeps them. Money in fen.
 */
export interface GrantTerms {
  subsidyId: string;
  consortiumId: string;
  recipient: string;
  category: FundingCategoryId;
  amountFen: Fen;
  fiscalYear: number;
  grantedOn: BusinessDate;
  projectId?: string;
  projectTotalInvestmentFen?: Fen;
  platformId?: string;
  /** liaoning.rd-reward: the enterprise's R&D spending the post-subsidy is in proportion to (optional). */
  rdSpendingFen?: Fen;
}
