import { logLevelFromEnv, logLevelFromNest } from './log-level';

describe('log levels', () => {
  it('LOG_LEVEL names a pino level (any case), info when absent or empty, and nothing else', () => {
    expect(logLevelFromEnv({})).toBe('info');
    expect(logLevelFromEnv({ LOG_LEVEL: '' })).toBe('info');
    expect(logLevelFromEnv({ LOG_LEVEL: 'DEBUG' })).toBe('debug');
    expect(logLevelFromEnv({ LOG_LEVEL: 'silent' })).toBe('silent');
    expect(() => logLevelFromEnv({ LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL must be one of/);
  });

  it("Nest's level lists become the pino level that lets the same lines through", () => {
    expect(logLevelFromNest(['error', 'warn'])).toBe('warn');
    expect(logLevelFromNest(['error'])).toBe('error');
    expect(logLevelFromNest(['log', 'error'])).toBe('info');
    expect(logLevelFromNest(['verbose'])).toBe('trace');
    expect(logLevelFromNest([])).toBe('silent');
    expect(logLevelFromNest(false)).toBe('silent');
  });
});
