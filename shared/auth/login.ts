/**
 * Sign in to Pitwatch with ThermoWorks credentials: the password is checked by ThermoWorks and then forgotten;
 * the refresh token is sealed in the vault (the link the poller uses) and a session is issued, stored only as its
 * token's hash. The attempt is throttled first (sign-in-throttle.ts), and the caller, who is not signed in, learns
 * nothing of ThermoWorks' answer beyond "wrong email or password", "wait", or "try later".
 */
import type { LoginRequest, LoginResponse } from '../api/schemas';
import type { Clock } from '../clock';
import { PitwatchError, RateLimitedError, UnauthorizedError, UpstreamUnavailableError } from '../errors';
import type { IdGenerator } from '../ids';
import type { ThermoWorksPort } from '../thermoworks/port';
import { AccountDisabledError, InvalidCredentialsError, TooManyAttemptsError } from '../thermoworks/errors';
import type { CredentialVault } from '../vault/credential-vault';
import type { AccountStore } from './account-store';
import type { RequestOrigin } from './principal';
import type { SessionPolicy } from './session-policy';
import type { SessionStore } from './session-store';
import { issueSession, type SocketCloser } from './sessions';
import { throttledSignIn, type AttemptCounterStore, type AttemptOutcome, type SignInThrottlePolicy } from './sign-in-throttle';

export interface LoginDependencies {
  thermoworks: ThermoWorksPort;
  accounts: AccountStore;
  sessions: SessionStore;
  vault: CredentialVault;
  clock: Clock;
  ids: IdGenerator;
  sessionPolicy: SessionPolicy;
  attempts: AttemptCounterStore;
  throttle: SignInThrottlePolicy;
  /**
   * The throttle's clock: real time, like the ThermoWorks lockout it keeps sign-ins below, even when `clock` is the
   * local stack's simulated one. `clock` by default.
   */
  throttleClock?: Clock;
  live: SocketCloser;
}

/** The one answer to a wrong password, an unknown email or a disabled account: the same bytes for all three. */
export const WRONG_CREDENTIALS_MESSAGE = 'Wrong email or password.';

export async function login(request: LoginRequest, origin: RequestOrigin, deps: LoginDependencies): Promise<LoginResponse> {
  try {
    return await linkAndIssueSession(request, origin, deps);
  } catch (error) {
    throw publicSignInError(error);
  }
}

async function linkAndIssueSession(request: LoginRequest, origin: RequestOrigin, deps: LoginDependencies): Promise<LoginResponse> {
  const tokens = await throttledSignIn(
    { email: request.email, sourceIp: origin.sourceIp },
    () => deps.thermoworks.signIn(request.email, request.password),
    classifySignInFailure,
    { counters: deps.attempts, policy: deps.throttle, clock: deps.throttleClock ?? deps.clock },
  );
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

  const { token, session } = await issueSession({ userId, accountId: user.accountId, email }, origin, {
    sessions: deps.sessions,
    clock: deps.clock,
    policy: deps.sessionPolicy,
    ids: deps.ids,
    live: deps.live,
  });
  return { sessionToken: token, expiresAt: session.expiresAt, user: { userId, email } };
}

function classifySignInFailure(error: unknown): AttemptOutcome {
  return error instanceof InvalidCredentialsError || error instanceof AccountDisabledError ? 'bad-credentials' : 'not-counted';
}

/**
 * What a caller who is not signed in may learn of a failed sign-in. Upstream reasons, statuses and previews stay
 * in the logs (the error is the cause).
 */
export function publicSignInError(error: unknown): unknown {
  if (error instanceof InvalidCredentialsError || error instanceof AccountDisabledError) {
    return new UnauthorizedError(WRONG_CREDENTIALS_MESSAGE, { cause: error });
  }
  if (error instanceof TooManyAttemptsError) {
    return new RateLimitedError('Too many sign-in attempts. Wait a little and try again.', { cause: error, retryAfterSeconds: 300 });
  }
  if (error instanceof RateLimitedError) return error.code === 'RATE_LIMITED' ? error : new RateLimitedError('ThermoWorks is busy. Try again in a minute.', { cause: error, retryAfterSeconds: 60 });
  // Anything else ThermoWorks answered (down, malformed, refused, not found): "try later", with nothing of its answer.
  if (error instanceof PitwatchError) {
    return new UpstreamUnavailableError('ThermoWorks could not be reached. Try again in a minute.', { cause: error });
  }
  return error;
}
