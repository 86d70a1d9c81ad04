import { eventSchemas } from './event-schema';

describe("event schemas: stored events read in today's shape", () => {
  const schemas = eventSchemas([
    { type: 'Granted', from: 1, upcast: ({ on, ...rest }) => ({ ...rest, grantedOn: on }) },
    { type: 'Granted', from: 2, upcast: (data) => ({ ...data, currency: 'CNY' }) },
  ]);

  it('writes each type with the version after its last upcaster, 1 without any', () => {
    expect(schemas.currentVersion('Granted')).toBe(3);
    expect(schemas.currentVersion('Other')).toBe(1);
  });

  it('reads an old version through every step after it', () => {
    expect(schemas.upcast('Granted', 1, { on: '2025-01-01' })).toEqual({ grantedOn: '2025-01-01', currency: 'CNY' });
    expect(schemas.upcast('Granted', 2, { grantedOn: '2025-01-01' })).toEqual({
      grantedOn: '2025-01-01',
      currency: 'CNY',
    });
  });

  it('leaves current events and types without upcasters alone', () => {
    const data = { grantedOn: '2025-01-01', currency: 'CNY' };
    expect(schemas.upcast('Granted', 3, data)).toBe(data);
    expect(schemas.upcast('Other', 1, data)).toBe(data);
  });

  it('refuses two upcasters for one version', () =>
    expect(() =>
      eventSchemas([
        { type: 'X', from: 1, upcast: (d) => d },
        { type: 'X', from: 1, upcast: (d) => d },
      ]),
    ).toThrow(/two upcasters/));
});
