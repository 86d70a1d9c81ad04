/**
 * A database URL fit for a log line or an error message: whatever stands between the user's `:` and the host's `@` is
 * replaced by `***` — in a malformed URL too (`postgres//ledger:secret@db` is still someone's password).
 */
export function redactedUrl(url: string): string {
  const at = url.lastIndexOf('@');
  if (at < 0) return url;
  const userinfo = url.slice(0, at);
  const scheme = userinfo.indexOf('//');
  const colon = userinfo.indexOf(':', scheme < 0 ? 0 : scheme + 2);
  return colon < 0 ? url : `${userinfo.slice(0, colon + 1)}***${url.slice(at)}`;
}

/** `PostgreSQL postgresql://ledger:***@db.example:5432/ledger, schema ledger`: where the data is, for start-up lines. */
export function describeDatabase(url: string, schema: string): string {
  return `PostgreSQL ${redactedUrl(url)}, schema ${schema}`;
}
