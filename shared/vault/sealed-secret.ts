/** An envelope-encrypted secret as stored in DynamoDB: everything but the master key needed to open it. */
export interface SealedSecret {
  v: 1;
  /** Which master key wrapped the data key (KMS key ARN, or `local:<fingerprint>`): needed for rotation. */
  keyId: string;
  encryptedDataKey: string;
  iv: string;
  ciphertext: string;
  tag: string;
}
