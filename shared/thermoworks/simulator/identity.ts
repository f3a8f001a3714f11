/**
 * The simulator's Firebase Auth: accounts with passwords, id tokens that expire by the real (unscaled) clock,
 * refresh tokens that live until revoked, lockout after repeated bad passwords, disabled users.
 */
import type { Clock } from '../../clock';
import type { Scenario, ScenarioAccount } from './scenario';
import { randomHex } from './seeded-random';

export interface IssuedTokens {
  account: ScenarioAccount;
  idToken: string;
  refreshToken: string;
  expiresInSeconds: number;
}

export type SignInResult = { ok: true; tokens: IssuedTokens } | { ok: false; reason: string };
export type RefreshResult = SignInResult;

export const TOO_MANY_ATTEMPTS =
  'TOO_MANY_ATTEMPTS_TRY_LATER : Access to this account has been temporarily disabled due to many failed login attempts.';

interface IdTokenRecord {
  email: string;
  expiresAtMs: number;
}

export class IdentityService {
  private readonly byEmail = new Map<string, ScenarioAccount>();
  private readonly idTokens = new Map<string, IdTokenRecord>();
  private readonly refreshTokens = new Map<string, string>();
  private readonly disabled = new Set<string>();
  private readonly deleted = new Set<string>();
  private readonly failures = new Map<string, { count: number; lockedUntilMs?: number }>();
  private readonly lastLogin = new Map<string, number>();

  constructor(
    private readonly scenario: Scenario,
    /** Real time: token lifetimes and lockouts. */
    private readonly clock: Clock,
    /** The simulated world's time: when a user last signed in, as the user document says. */
    private readonly worldTime: Clock,
    private readonly random: () => number,
  ) {
    for (const account of scenario.accounts) {
      this.byEmail.set(account.email.toLowerCase(), account);
      if (account.disabled) this.disabled.add(account.email.toLowerCase());
    }
  }

  accounts(): ScenarioAccount[] {
    return [...this.byEmail.values()];
  }

  account(email: string): ScenarioAccount | undefined {
    return this.byEmail.get(email.trim().toLowerCase());
  }

  lastLoginMs(email: string): number | undefined {
    return this.lastLogin.get(email.toLowerCase());
  }

  signIn(emailRaw: string, password: string): SignInResult {
    const email = emailRaw.trim().toLowerCase();
    if (!/^[^@\s]+@[^@\s]+$/.test(email)) return { ok: false, reason: 'INVALID_EMAIL' };
    const now = this.clock.now().getTime();
    const failure = this.failures.get(email);
    if (failure?.lockedUntilMs !== undefined && now < failure.lockedUntilMs) {
      return { ok: false, reason: TOO_MANY_ATTEMPTS };
    }
    const account = this.deleted.has(email) ? undefined : this.byEmail.get(email);
    const unified = this.scenario.credentialErrors === 'unified';
    if (!account) return { ok: false, reason: unified ? 'INVALID_LOGIN_CREDENTIALS' : 'EMAIL_NOT_FOUND' };
    if (account.password !== password) {
      this.recordFailure(email, now);
      return { ok: false, reason: unified ? 'INVALID_LOGIN_CREDENTIALS' : 'INVALID_PASSWORD' };
    }
    if (this.disabled.has(email)) return { ok: false, reason: 'USER_DISABLED' };
    this.failures.delete(email);
    this.lastLogin.set(email, this.worldTime.now().getTime());
    const refreshToken = `AMf-${randomHex(this.random, 48)}`;
    this.refreshTokens.set(refreshToken, email);
    return { ok: true, tokens: this.issue(account, refreshToken) };
  }

  refresh(refreshToken: string): RefreshResult {
    if (!refreshToken) return { ok: false, reason: 'MISSING_REFRESH_TOKEN' };
    const email = this.refreshTokens.get(refreshToken);
    if (email === undefined) return { ok: false, reason: refreshToken.startsWith('AMf-') ? 'TOKEN_EXPIRED' : 'INVALID_REFRESH_TOKEN' };
    const account = this.deleted.has(email) ? undefined : this.byEmail.get(email);
    if (!account) return { ok: false, reason: 'USER_NOT_FOUND' };
    if (this.disabled.has(email)) return { ok: false, reason: 'USER_DISABLED' };
    let next = refreshToken;
    if (this.scenario.rotateRefreshTokens) {
      this.refreshTokens.delete(refreshToken);
      next = `AMf-${randomHex(this.random, 48)}`;
      this.refreshTokens.set(next, email);
    }
    return { ok: true, tokens: this.issue(account, next) };
  }

  /** The account behind a valid, unexpired id token. */
  verifyIdToken(idToken: string): ScenarioAccount | undefined {
    const record = this.idTokens.get(idToken);
    if (!record || this.clock.now().getTime() >= record.expiresAtMs) return undefined;
    if (this.disabled.has(record.email) || this.deleted.has(record.email)) return undefined;
    return this.byEmail.get(record.email);
  }

  /** Whose token is this (even if expired), to attribute a request to an account for fault injection. */
  ownerOfIdToken(idToken: string): ScenarioAccount | undefined {
    const record = this.idTokens.get(idToken);
    return record ? this.byEmail.get(record.email) : undefined;
  }

  ownerOfRefreshToken(refreshToken: string): ScenarioAccount | undefined {
    const email = this.refreshTokens.get(refreshToken);
    return email === undefined ? undefined : this.byEmail.get(email);
  }

  /** Every id token of the account stops working now (the refresh token still works). */
  expireIdTokens(email: string): void {
    const key = email.toLowerCase();
    for (const [token, record] of this.idTokens) if (record.email === key) this.idTokens.delete(token);
  }

  /** Password change: refresh tokens and id tokens die; sign-in with the password still works. */
  revokeRefreshTokens(email: string): void {
    const key = email.toLowerCase();
    for (const [token, owner] of this.refreshTokens) if (owner === key) this.refreshTokens.delete(token);
    this.expireIdTokens(key);
  }

  setDisabled(email: string, disabled: boolean): void {
    const key = email.toLowerCase();
    if (disabled) this.disabled.add(key);
    else this.disabled.delete(key);
  }

  /** The user is deleted: sign-in says the email is unknown, refresh says USER_NOT_FOUND. */
  setDeleted(email: string, deleted: boolean): void {
    const key = email.toLowerCase();
    if (deleted) this.deleted.add(key);
    else this.deleted.delete(key);
  }

  private recordFailure(email: string, now: number): void {
    const limit = this.scenario.signInLockoutAfter;
    const failure = this.failures.get(email) ?? { count: 0 };
    failure.count++;
    if (limit > 0 && failure.count >= limit) {
      failure.lockedUntilMs = now + this.scenario.signInLockoutSeconds * 1000;
      failure.count = 0;
    }
    this.failures.set(email, failure);
  }

  private pruneExpired(): void {
    const now = this.clock.now().getTime();
    for (const [token, record] of this.idTokens) if (record.expiresAtMs <= now) this.idTokens.delete(token);
  }

  private issue(account: ScenarioAccount, refreshToken: string): IssuedTokens {
    const lifetime = this.scenario.idTokenLifetimeSeconds;
    if (this.idTokens.size > 10_000) this.pruneExpired();
    const payload = Buffer.from(JSON.stringify({ sim: true, user_id: account.uid, n: randomHex(this.random, 8) })).toString('base64url');
    const idToken = `eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.${payload}.${randomHex(this.random, 43)}`;
    this.idTokens.set(idToken, { email: account.email.toLowerCase(), expiresAtMs: this.clock.now().getTime() + lifetime * 1000 });
    return { account, idToken, refreshToken, expiresInSeconds: lifetime };
  }
}
