/**
 * A local stand-in for the S3 calls exports make, so `@aws-sdk/client-s3`, `lib-storage` and the presigner run
 * unchanged with only the endpoint overridden (path-style): PutObject, the multipart upload calls
 * (CreateMultipartUpload, UploadPart, CompleteMultipartUpload, AbortMultipartUpload), and GET of a presigned URL,
 * which is refused once `X-Amz-Date + X-Amz-Expires` has passed (403 AccessDenied "Request has expired", as S3
 * answers) or when it is not a presigned request at all. Objects are files in a temporary folder, streamed in and
 * out: a 30 MB export never sits in memory. (The signature itself is not recomputed: expiry and the credential are
 * what the tests exercise; S3 checks the signature in AWS.)
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';

export interface LocalS3Options {
  /** The access key id presigned URLs must carry (the local stack's fake credentials). */
  accessKeyId: string;
  /** Injected for tests of expiry. */
  now?: () => Date;
  log?: (message: string) => void;
}

const xml = (res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/xml', ...headers });
  res.end(`<?xml version="1.0" encoding="UTF-8"?>\n${body}`);
};

const s3Error = (res: ServerResponse, status: number, code: string, message: string) =>
  xml(res, status, `<Error><Code>${code}</Code><Message>${message}</Message><RequestId>${randomBytes(8).toString('hex')}</RequestId></Error>`);

/** `20261123T101500Z` → epoch ms. */
function amzDateMs(text: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])) : undefined;
}

export class LocalS3 {
  private readonly server: Server;
  private readonly root = mkdtempSync(join(tmpdir(), 'pitwatch-s3-'));
  private readonly uploads = new Map<string, { key: string; parts: Map<number, string> }>();
  /** Multipart uploads completed, and their part counts (tests check a large export really went in parts). */
  readonly completedUploads: number[] = [];
  private readonly now: () => Date;
  private readonly log: (message: string) => void;
  url = '';

  constructor(private readonly options: LocalS3Options) {
    this.now = options.now ?? (() => new Date());
    this.log = options.log ?? (() => undefined);
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        this.log(`local S3 error: ${String(error)}`);
        if (!res.headersSent) s3Error(res, 500, 'InternalError', 'local S3 failed');
      });
    });
  }

  async listen(host = '127.0.0.1'): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, host, () => resolve());
    });
    const address = this.server.address();
    this.url = `http://${host}:${typeof address === 'object' && address ? address.port : 0}`;
    return this.url;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    rmSync(this.root, { recursive: true, force: true });
  }

  /** Where an object's bytes are (tests read it to compare). */
  objectPath(bucket: string, key: string): string {
    return join(this.root, 'objects', encodeURIComponent(bucket), encodeURIComponent(key));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const [, bucket = '', ...rest] = url.pathname.split('/');
    const key = decodeURIComponent(rest.join('/'));
    const method = req.method ?? 'GET';
    if (!bucket || !key) return s3Error(res, 400, 'InvalidRequest', 'path-style /{bucket}/{key} only');
    if (req.headers['content-encoding']?.includes('aws-chunked')) {
      return s3Error(res, 501, 'NotImplemented', 'aws-chunked bodies: configure the client with requestChecksumCalculation WHEN_REQUIRED');
    }
    const q = url.searchParams;
    if (method === 'POST' && q.has('uploads')) {
      const uploadId = randomBytes(12).toString('hex');
      this.uploads.set(uploadId, { key, parts: new Map() });
      return xml(res, 200, `<InitiateMultipartUploadResult><Bucket>${bucket}</Bucket><Key>${key}</Key><UploadId>${uploadId}</UploadId></InitiateMultipartUploadResult>`);
    }
    if (method === 'PUT' && q.has('uploadId')) {
      const upload = this.uploads.get(q.get('uploadId') ?? '');
      const partNumber = Number(q.get('partNumber'));
      if (!upload || !Number.isInteger(partNumber) || partNumber < 1) return s3Error(res, 404, 'NoSuchUpload', 'no such upload');
      const file = join(this.root, 'parts', `${q.get('uploadId')}-${partNumber}`);
      await this.receive(req, file);
      upload.parts.set(partNumber, file);
      res.writeHead(200, { etag: `"part-${partNumber}"` });
      return void res.end();
    }
    if (method === 'POST' && q.has('uploadId')) {
      const uploadId = q.get('uploadId') ?? '';
      const upload = this.uploads.get(uploadId);
      if (!upload) return s3Error(res, 404, 'NoSuchUpload', 'no such upload');
      for await (const _ of req) void _; // the part list: parts are joined in part-number order
      const target = this.objectPath(bucket, key);
      await mkdir(dirname(target), { recursive: true });
      const out = createWriteStream(target);
      for (const [, file] of [...upload.parts.entries()].sort(([a], [b]) => a - b)) {
        await pipeline(createReadStream(file), out, { end: false });
        await rm(file);
      }
      await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
      this.uploads.delete(uploadId);
      this.completedUploads.push(upload.parts.size);
      return xml(res, 200, `<CompleteMultipartUploadResult><Location>${this.url}/${bucket}/${key}</Location><Bucket>${bucket}</Bucket><Key>${key}</Key><ETag>"${uploadId}"</ETag></CompleteMultipartUploadResult>`);
    }
    if (method === 'DELETE' && q.has('uploadId')) {
      const upload = this.uploads.get(q.get('uploadId') ?? '');
      for (const file of upload?.parts.values() ?? []) await rm(file, { force: true });
      this.uploads.delete(q.get('uploadId') ?? '');
      res.writeHead(204);
      return void res.end();
    }
    if (method === 'PUT') {
      const target = this.objectPath(bucket, key);
      await this.receive(req, target);
      res.writeHead(200, { etag: `"${randomBytes(8).toString('hex')}"` });
      return void res.end();
    }
    if (method === 'GET' || method === 'HEAD') return this.presignedGet(req, res, bucket, key, q);
    return s3Error(res, 405, 'MethodNotAllowed', `${method} is not emulated`);
  }

  private async receive(req: IncomingMessage, file: string): Promise<void> {
    await mkdir(dirname(file), { recursive: true });
    await pipeline(req, createWriteStream(file));
  }

  private presignedGet(req: IncomingMessage, res: ServerResponse, bucket: string, key: string, q: URLSearchParams): void {
    const date = amzDateMs(q.get('X-Amz-Date') ?? '');
    const expires = Number(q.get('X-Amz-Expires'));
    const credential = q.get('X-Amz-Credential') ?? '';
    if (q.get('X-Amz-Algorithm') !== 'AWS4-HMAC-SHA256' || date === undefined || !Number.isInteger(expires) || !q.get('X-Amz-Signature')) {
      return s3Error(res, 403, 'AccessDenied', 'Access Denied');
    }
    if (credential.split('/')[0] !== this.options.accessKeyId) return s3Error(res, 403, 'InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.');
    if (this.now().getTime() > date + expires * 1000) return s3Error(res, 403, 'AccessDenied', 'Request has expired');
    const file = this.objectPath(bucket, key);
    if (!existsSync(file)) return s3Error(res, 404, 'NoSuchKey', 'The specified key does not exist.');
    res.writeHead(200, {
      'content-type': q.get('response-content-type') ?? 'application/octet-stream',
      'content-length': String(statSync(file).size),
      ...(q.get('response-content-disposition') ? { 'content-disposition': q.get('response-content-disposition')! } : {}),
      // The web app downloads from another origin than the API's.
      'access-control-allow-origin': '*',
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
  }
}
