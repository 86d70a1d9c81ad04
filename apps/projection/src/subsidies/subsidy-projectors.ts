import { FundingProjector } from '../funding/funding.projector';
import { SubsidiesProjector } from './subsidies.projector';
import { SubsidyMoneyProjector } from './subsidy-money.projector';

/** The subsidy ledger's read models: each subsidy, the money by policy and year, a recipient's year and the funding boundaries. */
export const SUBSIDY_PROJECTORS = [SubsidiesProjector, SubsidyMoneyProjector, FundingProjector];
