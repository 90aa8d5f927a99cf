/**
 * The registry URL as shown in messages, logs and errors (src/store/pg/pgUrl.ts): the password never
 * appears, whether the URL parses or not, percent-encoded or not, inside a longer text or alone.
 * No server needed (the name keeps it out of MUTATION_PG=off's `pg*` exclusion on purpose).
 */
import { describe, expect, it } from 'vitest';
import { isPgUrl, maskIn, maskUrl } from '../../src/store/pg/pgUrl.js';

describe('isPgUrl: which --store values name a PostgreSQL registry', () => {
  it('takes postgres:// and postgresql://, in any case', () => {
    expect(isPgUrl('postgres://kiosk@db/kiosk')).toBe(true);
    expect(isPgUrl('postgresql://kiosk@db/kiosk')).toBe(true);
    expect(isPgUrl('POSTGRESQL://kiosk@db/kiosk')).toBe(true);
  });

  it('refuses a file path, another scheme, a scheme not at the start and a scheme without its slashes', () => {
    expect(isPgUrl('/var/kiosk/kiosk.db')).toBe(false);
    expect(isPgUrl('mysql://kiosk@db/kiosk')).toBe(false);
    expect(isPgUrl('data/postgres://kiosk@db/kiosk')).toBe(false);
    expect(isPgUrl('postgres:kiosk@db/kiosk')).toBe(false);
    expect(isPgUrl('postgres:/kiosk@db/kiosk')).toBe(false);
    expect(isPgUrl('postgresq://kiosk@db/kiosk')).toBe(false);
  });
});

describe('maskUrl: a URL as it may be shown', () => {
  it('masks the password and keeps the user, host, port and database', () => {
    expect(maskUrl('postgres://kiosk:secret@db:5432/kiosk')).toBe('postgres://kiosk:***@db:5432/kiosk');
  });

  it('leaves a URL without a password as it was (no empty password added)', () => {
    expect(maskUrl('postgres://kiosk@db/kiosk')).toBe('postgres://kiosk@db/kiosk');
    expect(maskUrl('postgres://db/kiosk')).toBe('postgres://db/kiosk');
  });

  it('masks the password of a URL that does not parse (a bad port, a slash in the password)', () => {
    expect(maskUrl('postgres://kiosk:secret@db:port/kiosk')).toBe('postgres://kiosk:***@db:port/kiosk');
    expect(maskUrl('postgres://kiosk:se/cr:et@db/kiosk')).toBe('postgres://kiosk:***@db/kiosk');
    expect(maskUrl('postgres://kiosk:@db:port/kiosk')).toBe('postgres://kiosk:***@db:port/kiosk');
  });

  it('shows an unparsable text without a user and password as it is', () => {
    expect(maskUrl('postgres://db:port/kiosk')).toBe('postgres://db:port/kiosk');
    expect(maskUrl('not a url')).toBe('not a url');
  });
});

describe('maskIn: an error message that may quote the URL or its password', () => {
  const url = 'postgres://kiosk:s%40cret@db:5432/kiosk';

  it('masks the URL where it is quoted and the decoded password wherever it appears', () => {
    expect(maskIn(`connect ${url} failed`, url)).toBe('connect postgres://kiosk:***@db:5432/kiosk failed');
    expect(maskIn('password "s@cret" refused for kiosk', url)).toBe('password "***" refused for kiosk');
  });

  it('leaves a text without the URL or password as it was, and a URL without a password changes nothing', () => {
    expect(maskIn('connection refused', url)).toBe('connection refused');
    expect(maskIn('kiosk at db refused', 'postgres://kiosk@db/kiosk')).toBe('kiosk at db refused');
  });

  it('masks a password that is not valid percent-encoding as it is written', () => {
    const odd = 'postgres://kiosk:p%zz@db/kiosk';
    expect(maskIn(`password p%zz refused; url ${odd}`, odd)).toBe('password *** refused; url postgres://kiosk:***@db/kiosk');
  });

  it('masks a quoted URL that does not parse', () => {
    const bad = 'postgres://kiosk:secret@db:port/kiosk';
    expect(maskIn(`cannot read ${bad}: invalid port`, bad)).toBe('cannot read postgres://kiosk:***@db:port/kiosk: invalid port');
  });
});
