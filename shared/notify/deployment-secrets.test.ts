import { describe, expect, it } from 'vitest';
import { notifySecretsOnce, type NotifySecrets } from './deployment-secrets';

const secrets: NotifySecrets = { vapidPublicKey: 'pub', vapidPrivateKey: 'priv', linkKey: Buffer.from('key') };

describe('notifySecretsOnce', () => {
  it('opens the secrets once and keeps them: a warm container decrypts nothing more', async () => {
    let opens = 0;
    const open = notifySecretsOnce(async () => ((opens += 1), secrets));
    const [a, b] = await Promise.all([open(), open()]);
    await open();
    expect(a).toBe(secrets);
    expect(b).toBe(secrets);
    expect(opens).toBe(1);
  });

  it('does not keep "none yet": secrets made after the container started are seen on the next call', async () => {
    const store: { secrets?: NotifySecrets } = {};
    let opens = 0;
    const open = notifySecretsOnce(async () => ((opens += 1), store.secrets));
    await expect(open()).resolves.toBeUndefined();
    store.secrets = secrets;
    await expect(open()).resolves.toBe(secrets);
    await open();
    expect(opens).toBe(2);
  });

  it('does not keep a failure', async () => {
    let opens = 0;
    const open = notifySecretsOnce(async () => {
      opens += 1;
      if (opens === 1) throw new Error('KMS unavailable');
      return secrets;
    });
    await expect(open()).rejects.toThrow('KMS unavailable');
    await expect(open()).resolves.toBe(secrets);
  });
});
