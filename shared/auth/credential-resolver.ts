/**
 * The one authentication step's lookup: a presented credential becomes a principal. Each kind of credential is
 * recognised by its shape (API tokens start `pw_`, share tokens are their own kind); anything else is tried as a
 * session token. No cache anywhere: a revoked credential fails on the very next request.
 */
import type { CredentialResolver, Principal, RequestOrigin } from './principal';

/** One kind of credential: whether a presented string is of this kind, and what it resolves to. */
export interface CredentialKindResolver {
  matches(credential: string): boolean;
  resolve(credential: string, origin: RequestOrigin): Promise<Principal | undefined>;
}

/** Presented credentials longer than this are not ours (ours are 43–60 characters). */
const MAX_CREDENTIAL_CHARS = 256;

export function credentialResolver(kinds: readonly CredentialKindResolver[], fallback: CredentialKindResolver): CredentialResolver {
  return {
    async resolve(credential, origin) {
      if (credential.length === 0 || credential.length > MAX_CREDENTIAL_CHARS || !/^[A-Za-z0-9_.~+/=-]+$/.test(credential)) return undefined;
      const kind = kinds.find((k) => k.matches(credential)) ?? fallback;
      return kind.resolve(credential, origin);
    },
  };
}
