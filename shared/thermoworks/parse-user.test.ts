import { describe, expect, it } from 'vitest';
import { MalformedResponseError } from './errors';
import { parseDocument } from './firestore-document';
import { parseUser } from './parse-user';
import { fixtureDocument } from './testing/fixtures';

describe('parseUser', () => {
  it('reads the user fixture', () => {
    const u = parseUser(fixtureDocument('user'));
    expect(u).toMatchObject({
      uid: 'uid-example-1',
      accountId: 'acct-example-1',
      email: 'cook@example.com',
      preferredUnits: 'F',
      timeZone: 'America/New_York',
      use24Time: false,
      deviceOrder: { 'acct-example-1': ['11:22:33:44:55:66', '66:55:44:33:22:11'] },
    });
    expect(u.displayName).toBeUndefined();
    expect(u.extra).toEqual({ lastSeenInApp: null });
  });

  it('refuses a user without an account id', () => {
    const doc = parseDocument({ name: 'projects/p/databases/(default)/documents/users/u1', fields: {} });
    expect(() => parseUser(doc)).toThrow(MalformedResponseError);
  });
});
