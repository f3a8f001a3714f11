/**
 * The deployment's notification secrets, generated at first use and kept vault-sealed in DynamoDB: the VAPID key
 * pair Web Push identifies this deployment with (the private key sealed, the public key in the clear for browsers),
 * and the key that signs acknowledge links. First use rather than a deploy-time custom resource: no extra Lambda
 * and provider framework in the stack, and two first users racing both end up with the one conditional write that won.
 */
import { createECDH, randomBytes } from 'node:crypto';
import type { CredentialVault } from '../vault/credential-vault';
import type { SealedSecret } from '../vault/sealed-secret';

/** The owner named in the vault's encryption context for deployment-wide secrets. */
export const DEPLOYMENT_OWNER = 'deployment';

export interface StoredNotifySecrets {
  vapidPublicKey: string;
  /** JSON {vapidPrivateKey, linkKey}, sealed. */
  sealed: SealedSecret;
  createdAt: string;
}

export interface NotifySecrets {
  vapidPublicKey: string;
  vapidPrivateKey: string;
  linkKey: Buffer;
}

export interface DeploymentSecretStore {
  get(): Promise<StoredNotifySecrets | undefined>;
  /** False when another writer got there first. */
  putIfAbsent(secrets: StoredNotifySecrets): Promise<boolean>;
}

/** A P-256 key pair as Web Push's VAPID uses it: raw uncompressed public point and private scalar, base64url. */
export function generateVapidKeys(): { publicKey: string; privateKey: string } {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return { publicKey: ecdh.getPublicKey().toString('base64url'), privateKey: ecdh.getPrivateKey().toString('base64url') };
}

/** The stored secrets, creating them the first time (needs the vault's seal permission). */
export async function ensureNotifySecrets(deps: { store: DeploymentSecretStore; vault: CredentialVault; now: Date }): Promise<StoredNotifySecrets> {
  const existing = await deps.store.get();
  if (existing) return existing;
  const vapid = generateVapidKeys();
  const sealed = await deps.vault.seal(JSON.stringify({ vapidPrivateKey: vapid.privateKey, linkKey: randomBytes(32).toString('base64url') }), DEPLOYMENT_OWNER);
  const fresh: StoredNotifySecrets = { vapidPublicKey: vapid.publicKey, sealed, createdAt: deps.now.toISOString() };
  if (await deps.store.putIfAbsent(fresh)) return fresh;
  const winner = await deps.store.get();
  if (!winner) throw new Error('Notification secrets vanished while being created');
  return winner;
}

/** Opens the stored secrets (needs the vault's open permission); undefined before anyone created them. */
export async function openNotifySecrets(deps: { store: DeploymentSecretStore; vault: CredentialVault }): Promise<NotifySecrets | undefined> {
  const stored = await deps.store.get();
  if (!stored) return undefined;
  const opened = JSON.parse(await deps.vault.open(stored.sealed, DEPLOYMENT_OWNER, 'notify')) as { vapidPrivateKey: string; linkKey: string };
  return { vapidPublicKey: stored.vapidPublicKey, vapidPrivateKey: opened.vapidPrivateKey, linkKey: Buffer.from(opened.linkKey, 'base64url') };
}

/**
 * `open` once per container, kept once the secrets exist: they never change, so a warm container opens them with one
 * Decrypt. Until someone first lists notification channels there are none; that answer (and a failure) is not kept, so
 * a container started before them sees them as soon as they are made.
 */
export function notifySecretsOnce(open: () => Promise<NotifySecrets | undefined>): () => Promise<NotifySecrets | undefined> {
  let opened: Promise<NotifySecrets | undefined> | undefined;
  const forget = () => {
    opened = undefined;
  };
  return () =>
    (opened ??= open().then(
      (secrets) => {
        if (!secrets) forget();
        return secrets;
      },
      (error: unknown) => {
        forget();
        throw error;
      },
    ));
}
