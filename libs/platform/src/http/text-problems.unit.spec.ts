import { holdsMoreValuesThan, textProblems } from './text-problems';

describe('the checks every request body gets before validation', () => {
  it('counts fields and elements at any depth, an upload’s bytes as one value', () => {
    const filing = { name: 'n', lead: { creditCode: 'c' }, members: [{ creditCode: 'a' }, { creditCode: 'b' }] };
    // The body, its 3 fields, the lead's 1, the 2 members and their 1 each: 9 values.
    expect(holdsMoreValuesThan(filing, 9)).toBe(false);
    expect(holdsMoreValuesThan(filing, 8)).toBe(true);
    expect(holdsMoreValuesThan({ file: Buffer.alloc(1_000_000), fiscalYear: '2027' }, 3)).toBe(false);
  });

  it('finds the text problems of fields beside an upload, and none in its bytes', () => {
    const upload = { file: Buffer.from('line one\u0000\n'), policy: ' luzhou' };
    expect(textProblems(upload).map((p) => p.field)).toEqual(['policy']);
  });
});
