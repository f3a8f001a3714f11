/**
 * Who is calling, whatever credential they used: the one result of authentication. Handlers receive a principal
 * and never look at tokens themselves.
 */
import type { PrincipalKind, Scope } from '../api/route-definition';

export interface Principal {
  kind: PrincipalKind;
  /** The Pitwatch user (their ThermoWorks uid). */
  userId: string;
  /** The ThermoWorks account whose devices this principal may see. */
  accountId: string;
  email: string;
  scopes: readonly Scope[];
  /** The credential's own id: the session id, API token id or share id (what revoking it takes). */
  credentialId: string;
  /** Sessions only: when the session ends at the latest, so a socket opened with it can end with it. */
  expiresAt?: string;
  /** Share principals only: the one cook they may see, and its device (live readings are filtered by it). */
  cookId?: string;
  serial?: string;
}

/** Where the request came from, for sessions' "signed in from" and sign-in throttling. */
export interface RequestOrigin {
  sourceIp: string;
  userAgent: string | null;
}

/** Turns a presented credential into a principal, or undefined when it is unknown, expired or revoked. */
export interface CredentialResolver {
  resolve(credential: string, origin: RequestOrigin): Promise<Principal | undefined>;
}
