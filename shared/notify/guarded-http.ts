/**
 * One outgoing POST to a user-chosen URL (webhooks, push services) under the egress policy: the URL checked, the
 * addresses checked at connect time, a hard timeout, redirects not followed (a redirect is how a guard is walked
 * around), and at most 64 KB of the answer read.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { checkUrl, guardedLookup, type EgressPolicy } from '../egress/ssrf-guard';

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export type HttpPost = (url: string, init: { headers: Record<string, string>; body: string | Buffer; timeoutMs: number }) => Promise<HttpAnswer>;

const MAX_ANSWER_BYTES = 64 * 1024;

export function guardedPost(policy: EgressPolicy): HttpPost {
  const lookup = guardedLookup(policy);
  return (raw, init) =>
    new Promise((resolve, reject) => {
      let url: URL;
      try {
        url = checkUrl(raw, policy);
      } catch (error) {
        reject(error);
        return;
      }
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      const body = typeof init.body === 'string' ? Buffer.from(init.body) : init.body;
      const req = send(url, { method: 'POST', headers: { ...init.headers, 'content-length': String(body.length) }, lookup, timeout: init.timeoutMs }, (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= MAX_ANSWER_BYTES) chunks.push(chunk);
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      req.on('timeout', () => req.destroy(new Error(`no answer within ${init.timeoutMs} ms`)));
      req.on('error', reject);
      req.end(body);
    });
}
