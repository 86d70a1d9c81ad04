import { Upcaster } from '../shared/event-schema';

/** How subsidy events written in older shapes read today. */
export const SUBSIDY_UPCASTERS: ReadonlyArray<Upcaster> = [
  {
    // Version 1 named the grant's date `on`; it is `grantedOn` everywhere a grant's terms are recorded.
    type: 'FundingCommitted',
    from: 1,
    upcast: ({ on, ...data }) => ({ ...data, grantedOn: on }),
  },
  {
    // Version 2 mirrored the whole grant with its caps; what the boundary's fold reads is all still there.
    type: 'FundingCommitted',
    from: 2,
    upcast: (data) => data,
  },
  {
    // Version 1 carried every check's and cap's clause and interpretation; they stay, and are shown as recorded.
    type: 'SubsidyGranted',
    from: 1,
    upcast: (data) => data,
  },
  {
    // Version 2 carried every check's and cap's sentence (`detail`); it stays, and is shown as recorded.
    type: 'SubsidyGranted',
    from: 2,
    upcast: (data) => data,
  },
];
