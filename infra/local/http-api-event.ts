/** Turns a Node HTTP request into an API Gateway HTTP API payload-format-2.0 event, as API Gateway would. */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

export function headersOf(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  return headers;
}

export function queryOf(url: URL): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (const key of new Set(url.searchParams.keys())) params[key] = url.searchParams.getAll(key).join(',');
  return Object.keys(params).length > 0 ? params : undefined;
}

export function httpApiEvent(input: {
  req: IncomingMessage;
  url: URL;
  path: string;
  routeKey: string;
  body: Buffer;
  pathParameters?: Record<string, string>;
}): APIGatewayProxyEventV2 {
  const now = new Date();
  const headers = headersOf(input.req);
  const method = (input.req.method ?? 'GET').toUpperCase();
  const textual = /json|text|x-www-form-urlencoded/i.test(headers['content-type'] ?? 'application/json');
  return {
    version: '2.0',
    routeKey: input.routeKey,
    rawPath: input.path,
    rawQueryString: input.url.search.replace(/^\?/, ''),
    headers,
    queryStringParameters: queryOf(input.url),
    ...(input.pathParameters ? { pathParameters: input.pathParameters } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'localhost',
      http: {
        method,
        path: input.path,
        protocol: `HTTP/${input.req.httpVersion}`,
        sourceIp: input.req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: input.routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    body: input.body.length > 0 ? (textual ? input.body.toString('utf8') : input.body.toString('base64')) : undefined,
    isBase64Encoded: input.body.length > 0 && !textual,
  };
}
