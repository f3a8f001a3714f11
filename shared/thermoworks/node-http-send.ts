/**
 * HttpSend on node:http / node:https with keep-alive agents: what the poll worker uses to talk to ThermoWorks. The
 * global fetch (undici plus web streams) cost about three times the CPU per request of a plain node request
 * (bench:poll's profile), and a worker makes three requests per account poll.
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { HttpReply, HttpSend } from './http-transport';

/** Connections stay open between polls of a warm worker (TLS handshakes are the costliest part of a request). */
const agents = { http: new HttpAgent({ keepAlive: true, scheduling: 'lifo' }), https: new HttpsAgent({ keepAlive: true, scheduling: 'lifo' }) };

function replyOf(response: IncomingMessage, text: string): HttpReply {
  return {
    status: response.statusCode ?? 0,
    text,
    headers: () => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(response.headers)) {
        if (value === undefined) continue;
        for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
      }
      return headers;
    },
  };
}

export const nodeHttpSend: HttpSend = (url, init) =>
  new Promise<HttpReply>((resolve, reject) => {
    const target = new URL(url);
    const secure = target.protocol === 'https:';
    const request = (secure ? httpsRequest : httpRequest)(
      target,
      { method: init.method, headers: init.headers, agent: secure ? agents.https : agents.http, signal: init.signal },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve(replyOf(response, Buffer.concat(chunks).toString('utf8'))));
        response.on('error', reject);
        response.on('aborted', () => reject(new Error('response aborted')));
      },
    );
    request.on('error', reject);
    request.end(init.body);
  });
