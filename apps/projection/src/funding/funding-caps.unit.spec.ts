import { capNowView } from './funding-caps';

describe('a cap as it stands now (the funding view, the dashboard)', () => {
  const cap = (usedFen: number) => ({
    rule: 'liaoning.mengzhu-annual-cap',
    citation: '若干政策 7',
    scope: 'funding-91210100MA00012A1D-2025',
    limitFen: 2_000_000_000,
    usedFen,
    detail: 'the 盟主',
  });

  it('has as headroom what is left of the limit', () => {
    expect(capNowView(cap(1_500_000_000))).toMatchObject({
      limit: '20000000.00',
      used: '15000000.00',
      headroom: '5000000.00',
    });
  });

  it('has no headroom, never a negative one, where more was received before the cap bound it, as the check says', () => {
    expect(capNowView(cap(2_500_000_000))).toMatchObject({ used: '25000000.00', headroom: '0.00' });
  });
});
