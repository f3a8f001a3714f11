import * as z from '../validation/zod';

/**
 * Where ThermoWorks Cloud lives. Every base is an origin (scheme + host [+ port]) so the simulator, which
 * serves all five services from one origin, can stand in for each of them; the paths are fixed by the
 * protocol and added by the client.
 */
export interface ThermoWorksConfig {
  /** Firebase web API key shipped in ThermoWorks' own web app (identifies the project; not a secret). */
  apiKey: string;
  /** Firebase web app id, used to discover the project (webConfig). */
  appId: string;
  /** Identity Toolkit (sign-in). */
  identityUrl: string;
  /** Secure Token service (refresh). */
  tokenUrl: string;
  /** Firebase management API (webConfig discovery). */
  firebaseUrl: string;
  /** Firestore REST. */
  firestoreUrl: string;
  /** Firebase Storage (archive downloads). */
  storageUrl: string;
  /**
   * Callable Cloud Functions. Unset: the real host, `https://us-central1-{projectId}.cloudfunctions.net/{name}`; set
   * (the simulator, or the Firebase emulator): an origin that serves them as `/{projectId}/us-central1/{name}`.
   */
  functionsUrl?: string | undefined;
  /** The API key is restricted to this referrer, so sign-in, refresh and webConfig must carry it. */
  referer: string;
}

export const defaultThermoWorksConfig: Readonly<ThermoWorksConfig> = Object.freeze({
  apiKey: 'AIzaSyCf079iccUFc1k7VHdGXng22zXDy8Y3KEY',
  appId: '1:78998049458:web:b41e9d405d8c7de95eefab',
  identityUrl: 'https://identitytoolkit.googleapis.com',
  tokenUrl: 'https://securetoken.googleapis.com',
  firebaseUrl: 'https://firebase.googleapis.com',
  firestoreUrl: 'https://firestore.googleapis.com',
  storageUrl: 'https://firebasestorage.googleapis.com',
  referer: 'https://cloud.thermoworks.com/',
});

const originSchema = z.pipe(
  z.string().check(z.trim(), z.url()),
  z.transform((value: string, ctx) => {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      ctx.issues.push({ code: 'custom', message: 'must be an http(s) origin', input: value });
      return z.NEVER;
    }
    // Only the origin is used: the protocol fixes the paths, so a stray path would silently double up.
    return url.origin;
  }),
);

const envSchema = z.object({
  THERMOWORKS_IDENTITY_URL: z.optional(originSchema),
  THERMOWORKS_TOKEN_URL: z.optional(originSchema),
  THERMOWORKS_FIREBASE_URL: z.optional(originSchema),
  THERMOWORKS_FIRESTORE_URL: z.optional(originSchema),
  THERMOWORKS_STORAGE_URL: z.optional(originSchema),
  THERMOWORKS_FUNCTIONS_URL: z.optional(originSchema),
  THERMOWORKS_API_KEY: z.optional(z.string().check(z.trim(), z.minLength(1))),
  THERMOWORKS_APP_ID: z.optional(z.string().check(z.trim(), z.minLength(1))),
});

/** Blank variables count as unset, so `THERMOWORKS_API_KEY=` in a .env file does not break sign-in. */
function withoutBlanks(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (key.startsWith('THERMOWORKS_') && value !== undefined && value.trim() !== '') out[key] = value;
  }
  return out;
}

/** The real service's configuration, with any `THERMOWORKS_*` overrides from `env` applied. Throws on a bad URL. */
export function thermoWorksConfigFromEnv(env: Record<string, string | undefined>): ThermoWorksConfig {
  const parsed = envSchema.safeParse(withoutBlanks(env));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid ThermoWorks configuration: ${issues}`);
  }
  const e = parsed.data;
  return {
    ...defaultThermoWorksConfig,
    apiKey: e.THERMOWORKS_API_KEY ?? defaultThermoWorksConfig.apiKey,
    appId: e.THERMOWORKS_APP_ID ?? defaultThermoWorksConfig.appId,
    identityUrl: e.THERMOWORKS_IDENTITY_URL ?? defaultThermoWorksConfig.identityUrl,
    tokenUrl: e.THERMOWORKS_TOKEN_URL ?? defaultThermoWorksConfig.tokenUrl,
    firebaseUrl: e.THERMOWORKS_FIREBASE_URL ?? defaultThermoWorksConfig.firebaseUrl,
    firestoreUrl: e.THERMOWORKS_FIRESTORE_URL ?? defaultThermoWorksConfig.firestoreUrl,
    storageUrl: e.THERMOWORKS_STORAGE_URL ?? defaultThermoWorksConfig.storageUrl,
    ...(e.THERMOWORKS_FUNCTIONS_URL ? { functionsUrl: e.THERMOWORKS_FUNCTIONS_URL } : {}),
  };
}

/** Every service on one origin: how the client is pointed at the simulator. */
export function thermoWorksConfigForOrigin(origin: string, overrides: Partial<ThermoWorksConfig> = {}): ThermoWorksConfig {
  const base = new URL(origin).origin;
  return {
    ...defaultThermoWorksConfig,
    identityUrl: base,
    tokenUrl: base,
    firebaseUrl: base,
    firestoreUrl: base,
    storageUrl: base,
    functionsUrl: base,
    ...overrides,
  };
}
