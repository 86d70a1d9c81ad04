/** Tokens every e2e test can use: one per role. */
export const TOKENS = {
  admin: 'tok-admin',
  officer: 'tok-officer',
  finance: 'tok-finance',
  supervisor: 'tok-supervisor',
  viewer: 'tok-viewer',
} as const;

export const ACTORS = {
  officer: 'officer.zhang',
  finance: 'finance.wang',
  supervisor: 'supervisor.li',
  viewer: 'viewer.chen',
} as const;

export const TOKEN_LIST = [
  `${TOKENS.officer}:${ACTORS.officer}:officer`,
  `${TOKENS.finance}:${ACTORS.finance}:finance`,
  `${TOKENS.supervisor}:${ACTORS.supervisor}:supervisor`,
  `${TOKENS.viewer}:${ACTORS.viewer}:viewer`,
].join(',');
