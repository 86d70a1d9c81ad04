import { say } from '@ledger/domain/shared/sentence';
import { RejectionException } from './ledger-errors';

describe('RejectionException', () => {
  it('carries the refusal in English and no stack frames, leaving the stack limit of every other error as it was', () => {
    const limit = Error.stackTraceLimit;
    const refused = new RejectionException({ kind: 'rejection', code: 'rule-violated', message: say`over the cap` });

    expect(refused.message).toBe('over the cap');
    expect(refused.stack).not.toMatch(/\n\s+at /);
    expect(Error.stackTraceLimit).toBe(limit);
    expect(new Error('a fault').stack).toMatch(/\n\s+at /);
  });
});
