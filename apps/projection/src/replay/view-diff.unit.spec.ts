import { say } from '@ledger/domain/shared/sentence';
import { diffViews } from './view-diff';

describe('diffViews: what changed between two views, field by field', () => {
  it('names changed, added and removed fields by their path', () => {
    const before = { status: 'public-notice', notice: { endsOn: '2025-10-11' }, lead: { name: '甲' } };
    const after = { status: 'active', approvedOn: '2025-10-12', lead: { name: '乙' } };
    expect(diffViews(before, after)).toEqual([
      { field: 'status', change: 'changed', from: 'public-notice', to: 'active' },
      { field: 'approvedOn', change: 'added', to: '2025-10-12' },
      { field: 'lead.name', change: 'changed', from: '甲', to: '乙' },
      { field: 'notice', change: 'removed', from: { endsOn: '2025-10-11' } },
    ]);
  });

  it('compares lists by index: items appended, items removed, fields of an item', () => {
    const before = { movements: [{ amount: '1.00' }], members: ['a', 'b'] };
    const after = { movements: [{ amount: '2.00' }, { amount: '3.00' }], members: ['a'] };
    expect(diffViews(before, after)).toEqual([
      { field: 'movements[0].amount', change: 'changed', from: '1.00', to: '2.00' },
      { field: 'movements[1]', change: 'added', to: { amount: '3.00' } },
      { field: 'members[1]', change: 'removed', from: 'b' },
    ]);
  });

  it("changes a verdict's sentence whole, as the view shows it rendered, never by its template's arguments", () => {
    const members = (n: number) => say`${n} universities or research institutes among the members; at least ${1}`;
    const before = { eligibility: [{ rule: 'r', ok: true, detail: members(1) }] };
    const after = { eligibility: [{ rule: 'r', ok: true, detail: members(2) }] };
    expect(diffViews(before, after)).toEqual([
      { field: 'eligibility[0].detail', change: 'changed', from: members(1), to: members(2) },
    ]);
    expect(
      diffViews(before, { eligibility: [{ rule: 'r', ok: true, detail: 'as recorded before sentences' }] }),
    ).toEqual([
      { field: 'eligibility[0].detail', change: 'changed', from: members(1), to: 'as recorded before sentences' },
    ]);
  });

  it('finds nothing between equal views, and treats an absent field like an undefined one', () => {
    expect(diffViews({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toEqual([]);
    expect(diffViews({ a: undefined }, {})).toEqual([]);
  });

  it('shows a value that changes its kind (a leaf becoming an object) as one change', () => {
    expect(diffViews({ ended: null }, { ended: { on: '2026-03-01' } })).toEqual([
      { field: 'ended', change: 'changed', from: null, to: { on: '2026-03-01' } },
    ]);
  });
});
