import { describe, expect, it } from 'vitest';
import { defaultThermoWorksConfig, thermoWorksConfigForOrigin, thermoWorksConfigFromEnv } from './config';

describe('thermoWorksConfigFromEnv', () => {
  it('defaults to the real service', () => {
    expect(thermoWorksConfigFromEnv({})).toEqual(defaultThermoWorksConfig);
    expect(defaultThermoWorksConfig.identityUrl).toBe('https://identitytoolkit.googleapis.com');
  });

  it('takes origin overrides (dropping paths) and the API key', () => {
    const config = thermoWorksConfigFromEnv({
      THERMOWORKS_IDENTITY_URL: 'http://127.0.0.1:9000/ignored/path',
      THERMOWORKS_TOKEN_URL: 'http://127.0.0.1:9000',
      THERMOWORKS_FIREBASE_URL: 'http://127.0.0.1:9000',
      THERMOWORKS_FIRESTORE_URL: 'http://127.0.0.1:9000',
      THERMOWORKS_STORAGE_URL: 'http://127.0.0.1:9000/',
      THERMOWORKS_API_KEY: 'sim-key',
      THERMOWORKS_EMAIL: 'ignored@example.com',
    });
    expect(config).toEqual({
      ...defaultThermoWorksConfig,
      apiKey: 'sim-key',
      identityUrl: 'http://127.0.0.1:9000',
      tokenUrl: 'http://127.0.0.1:9000',
      firebaseUrl: 'http://127.0.0.1:9000',
      firestoreUrl: 'http://127.0.0.1:9000',
      storageUrl: 'http://127.0.0.1:9000',
    });
  });

  it('treats blank variables as unset and refuses bad URLs', () => {
    expect(thermoWorksConfigFromEnv({ THERMOWORKS_API_KEY: ' ' }).apiKey).toBe(defaultThermoWorksConfig.apiKey);
    expect(() => thermoWorksConfigFromEnv({ THERMOWORKS_FIRESTORE_URL: 'not a url' })).toThrow(/THERMOWORKS_FIRESTORE_URL/);
    expect(() => thermoWorksConfigFromEnv({ THERMOWORKS_FIRESTORE_URL: 'ftp://x' })).toThrow(/THERMOWORKS_FIRESTORE_URL/);
  });

  it('points every service at one origin', () => {
    const config = thermoWorksConfigForOrigin('http://127.0.0.1:1234');
    expect(new Set([config.identityUrl, config.tokenUrl, config.firebaseUrl, config.firestoreUrl, config.storageUrl])).toEqual(new Set(['http://127.0.0.1:1234']));
  });
});
