/**
 * Callable Cloud Functions (PROTOCOL.md §3): `POST https://us-central1-{projectId}.cloudfunctions.net/{name}` with
 * the bearer token and `{"data": …}`, answering `{"result": …}`. Pitwatch calls one, the instrument history, as a
 * best-effort second source beside the archives.
 */
import type { ThermoWorksConfig } from './config';
import { MalformedResponseError } from './errors';
import type { HttpTransport } from './http-transport';
import type { ProjectDiscovery } from './project-discovery';

export interface CloudFunctions {
  call(name: string, data: unknown, idToken: string, signal?: AbortSignal): Promise<unknown>;
}

export function createCloudFunctions(config: ThermoWorksConfig, send: HttpTransport, project: ProjectDiscovery): CloudFunctions {
  return {
    async call(name, data, idToken, signal) {
      const { projectId } = await project();
      const url = config.functionsUrl
        ? `${config.functionsUrl}/${encodeURIComponent(projectId)}/us-central1/${encodeURIComponent(name)}`
        : `https://us-central1-${encodeURIComponent(projectId)}.cloudfunctions.net/${encodeURIComponent(name)}`;
      const body = await send({ service: 'functions', method: 'POST', url, headers: { authorization: `Bearer ${idToken}` }, json: { data }, resource: `function ${name}`, signal });
      if (typeof body !== 'object' || body === null || !('result' in body)) throw new MalformedResponseError(`ThermoWorks function ${name} answered without a result`);
      return (body as { result: unknown }).result;
    },
  };
}
