import {
  offersAppendRecords,
  parseServerVersion,
  supportedServerVersion,
  UnsupportedKurrentDbServerError,
} from './kurrentdb.server-version';

describe('the KurrentDB server versions the adapter runs on', () => {
  it('reads the major and minor version from what the server reports', () => {
    expect(parseServerVersion('25.1.0')).toEqual({ major: 25, minor: 1, text: '25.1.0' });
    expect(parseServerVersion('25.1.0.2345')).toMatchObject({ major: 25, minor: 1 });
    expect(parseServerVersion('26.1.0-rc.1')).toMatchObject({ major: 26, minor: 1 });
    expect(parseServerVersion('v24.10.3')).toMatchObject({ major: 24, minor: 10 });
    expect(parseServerVersion('unknown')).toBeUndefined();
    expect(parseServerVersion('')).toBeUndefined();
  });

  it.each(['25.1.0', '25.1.2.1', '25.2.0', '26.0.0', '26.1.0', '27.0.0'])('accepts %s', (reported) => {
    expect(supportedServerVersion(reported).text).toBe(reported);
  });

  it.each(['25.0.1', '24.10.0', '23.10.1', '22.10.0', '20.10.5', 'unknown', 'garbage'])(
    'refuses %s at start-up, saying why and that appends will not fall back to non-atomic ones',
    (reported) => {
      const refusal = (() => {
        try {
          supportedServerVersion(reported);
        } catch (error) {
          return error;
        }
        throw new Error(`${reported} was accepted`);
      })();

      expect(refusal).toBeInstanceOf(UnsupportedKurrentDbServerError);
      expect((refusal as Error).message).toMatch(/needs KurrentDB 25\.1 or later/);
      expect((refusal as Error).message).toMatch(/multi-stream append/);
      expect((refusal as Error).message).toMatch(/does not fall back to non-atomic appends/);
      expect((refusal as Error).message).toContain(reported === 'unknown' ? 'unknown version' : reported);
    },
  );

  it('uses AppendRecords consistency checks from 26.1 on only', () => {
    expect(offersAppendRecords(supportedServerVersion('25.1.0'))).toBe(false);
    expect(offersAppendRecords(supportedServerVersion('26.0.2'))).toBe(false);
    expect(offersAppendRecords(supportedServerVersion('26.1.0'))).toBe(true);
    expect(offersAppendRecords(supportedServerVersion('27.0.0'))).toBe(true);
  });
});
