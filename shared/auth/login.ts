/**
 * Sign in to Pitwatch with ThermoWorks credentials: the password is checked by ThermoWorks and then forgotten;
 * the refresh token is sealed in the vault (the link the poller uses) and an opaque session token is returned,
 * stored only as its hash.
 */
import type { LoginRequest, LoginResponse } from '../api/schemas';
import type { Clock } from '../clock';
import { hashToken, type IdGenerator } from '../ids';
import type { ThermoWorksPort } from '../polling/thermoworks-port';
import type { CredentialVault } from '../vault/credential-vault';
import type { AccountStore } from './account-store';
import type { SessionStore } from './session-store';

export interface LoginDependencies {
  thermoworks: ThermoWorksPort;
  accounts: AccountStore;
  sessions: SessionStore;
  vault: CredentialVault;
  clock: Clock;
  ids: IdGenerator;
  sessionTtlSeconds: number;
}

export async function login(request: LoginRequest, deps: LoginDependencies): Promise<LoginResponse> {
  const tokens = await deps.thermoworks.signIn(request.email, request.password);
  const user = await deps.thermoworks.session(tokens).getUser();
  const userId = tokens.uid;
  const now = deps.clock.now();
  const email = user.email ?? tokens.email ?? request.email;

  await deps.accounts.putLink({
    userId,
    accountId: user.accountId,
    email,
    sealedRefreshToken: await deps.vault.seal(tokens.refreshToken, userId),
    status: 'ok',
    statusMessage: null,
    linkedAt: now.toISOString(),
    lastPolledAt: null,
    lastReadingAt: null,
  });

  const sessionToken = deps.ids.secretToken();
  const expiresAt = new Date(now.getTime() + deps.sessionTtlSeconds * 1000).toISOString();
  await deps.sessions.put({
    tokenHash: hashToken(sessionToken),
    userId,
    accountId: user.accountId,
    email,
    createdAt: now.toISOString(),
    expiresAt,
  });
  return { sessionToken, expiresAt, user: { userId, email } };
}
