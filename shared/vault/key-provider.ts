/** Where data keys come from and are unwrapped: KMS in AWS, a local master-key file on a laptop. */
export interface DataKey {
  plaintext: Uint8Array;
  encrypted: Uint8Array;
  keyId: string;
}

export interface KeyProvider {
  /** A fresh 256-bit data key, bound to `context` (KMS encryption context / AES-GCM AAD). */
  generateDataKey(context: Record<string, string>): Promise<DataKey>;
  /** Unwraps a data key; fails when `context` differs from the one it was generated with. */
  decryptDataKey(encrypted: Uint8Array, context: Record<string, string>, keyId: string): Promise<Uint8Array>;
  /** The master key's id as `generateDataKey` records it on each data key: what rotation compares sealed secrets to. */
  currentKeyId(): Promise<string>;
}
