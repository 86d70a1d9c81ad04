/** A database URL fit for a log line or an error message: the password is replaced by `***`. */
export function redactedUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/?#@]*:)[^@/?#]*@/i, '$1***@');
}

/** `postgresql://ledger@db.example:5432/ledger` (no password): where the ledger's data is, for start-up lines. */
export function describeDatabase(url: string, schema: string): string {
  return `PostgreSQL ${redactedUrl(url)}, schema ${schema}`;
}
