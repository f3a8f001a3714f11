/**
 * What the vault seals, by kind: each kind is its own KMS encryption-context `purpose` (and AES-GCM additional data),
 * so IAM grants name the kinds a function may seal or open, and a ciphertext of one kind never opens as another.
 */
export const SECRET_KINDS = ['thermoworks-refresh-token', 'mqtt-broker-password', 'notification-secret'] as const;
export type SecretKind = (typeof SECRET_KINDS)[number];
