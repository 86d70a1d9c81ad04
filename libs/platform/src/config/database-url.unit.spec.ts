import { redactedUrl } from './database-url';

describe('database URLs in messages', () => {
  it.each([
    ['postgresql://ledger:s3cret@db.example:5432/ledger', 'postgresql://ledger:***@db.example:5432/ledger'],
    ['postgresql://ledger:p@ss:w0rd@db/ledger', 'postgresql://ledger:***@db/ledger'],
    ['postgres//ledger:s3cret@db/ledger', 'postgres//ledger:***@db/ledger'],
    ['ledger:s3cret@db', 'ledger:***@db'],
    ['postgresql://ledger@db/ledger', 'postgresql://ledger@db/ledger'],
    ['postgresql://db.example/ledger', 'postgresql://db.example/ledger'],
  ])('%s → %s', (url, shown) => {
    expect(redactedUrl(url)).toBe(shown);
  });
});
