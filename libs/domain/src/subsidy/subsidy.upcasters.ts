import { Upcaster } from '../shared/event-schema';

/** How subsidy events written in older shapes read today. */
export const SUBSIDY_UPCASTERS: ReadonlyArray<Upcaster> = [
  {
    // Version 1 named the grant's date `on`; it is `grantedOn` everywhere a grant's terms are recorded.
    type: 'FundingCommitted',
    from: 1,
    upcast: ({ on, ...data }) => ({ ...data, grantedOn: on }),
  },
];
