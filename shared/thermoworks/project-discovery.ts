/**
 * Which Firebase project ThermoWorks Cloud is: asked once from webConfig (the protocol says discover it,
 * do not hard-code) and cached for the life of the client. A failed discovery is not cached.
 */
import * as z from '../validation/zod';
import type { ThermoWorksConfig } from './config';
import type { FirebaseProject } from './domain';
import { MalformedResponseError } from './errors';
import type { HttpTransport } from './http-transport';

const webConfigSchema = z.object({
  projectId: z.string().check(z.minLength(1)),
  storageBucket: z.optional(z.string().check(z.minLength(1))),
  appId: z.optional(z.string()),
  authDomain: z.optional(z.string()),
  locationId: z.optional(z.string()),
});

export type ProjectDiscovery = () => Promise<FirebaseProject>;

export function createProjectDiscovery(config: ThermoWorksConfig, send: HttpTransport, known?: FirebaseProject): ProjectDiscovery {
  let cached: Promise<FirebaseProject> | undefined = known ? Promise.resolve(known) : undefined;
  return () => {
    cached ??= discover(config, send).catch((error: unknown) => {
      cached = undefined;
      throw error;
    });
    return cached;
  };
}

async function discover(config: ThermoWorksConfig, send: HttpTransport): Promise<FirebaseProject> {
  const body = await send({
    service: 'webConfig',
    method: 'GET',
    // Colons stay literal, as the public clients send the app id (`1:789…:web:…`).
    url: `${config.firebaseUrl}/v1alpha/projects/-/apps/${encodeURIComponent(config.appId).replace(/%3A/gi, ':')}/webConfig`,
    headers: { 'x-goog-api-key': config.apiKey, referer: config.referer },
    resource: 'web app configuration',
  });
  const parsed = webConfigSchema.safeParse(body);
  if (!parsed.success) throw new MalformedResponseError('ThermoWorks webConfig has no projectId', { cause: parsed.error });
  const c = parsed.data;
  return {
    projectId: c.projectId,
    // Firebase's default bucket name, should an older config omit it.
    storageBucket: c.storageBucket ?? `${c.projectId}.appspot.com`,
    appId: c.appId,
    authDomain: c.authDomain,
    locationId: c.locationId,
  };
}
