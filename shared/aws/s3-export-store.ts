import { Readable } from 'node:stream';
import type { S3Client } from '@aws-sdk/client-s3';
import type { ExportFile, ExportStore } from '../exports/export-store';

/** S3 parts are at least 5 MiB: the smallest part and one in flight keep an export's memory at ~10 MiB. */
const PART_BYTES = 5 * 1024 * 1024;

/**
 * Exports in S3: the body streams into a multipart upload (lib-storage buffers one part at a time), and the link
 * is a presigned GET (SigV4 query signing), so the browser downloads straight from S3, past any Lambda payload limit.
 * The S3 modules are imported when an export is first made, not at cold start: the cooks and account functions
 * export rarely, and the S3 client with lib-storage and the presigner is the heaviest import they have (bench:lambda).
 */
export class S3ExportStore implements ExportStore {
  constructor(
    private readonly s3: () => Promise<S3Client>,
    private readonly bucket: string,
  ) {}

  async write(file: ExportFile, body: AsyncIterable<string>): Promise<{ bytes: number }> {
    let bytes = 0;
    const counted = Readable.from(
      (async function* () {
        for await (const chunk of body) {
          const buffer = Buffer.from(chunk, 'utf8');
          bytes += buffer.length;
          yield buffer;
        }
      })(),
    );
    const [client, { Upload }] = await Promise.all([this.s3(), import('@aws-sdk/lib-storage')]);
    const upload = new Upload({
      client,
      params: { Bucket: this.bucket, Key: file.key, Body: counted, ContentType: file.contentType },
      partSize: PART_BYTES,
      queueSize: 1,
      leavePartsOnError: false,
    });
    await upload.done();
    return { bytes };
  }

  async linkFor(file: ExportFile, expiresInSeconds: number): Promise<string> {
    const [client, { GetObjectCommand }, { getSignedUrl }] = await Promise.all([
      this.s3(),
      import('@aws-sdk/client-s3'),
      import('@aws-sdk/s3-request-presigner'),
    ]);
    const command = new GetObjectCommand({
      Bucket: this.bucket,
      Key: file.key,
      ResponseContentDisposition: `attachment; filename="${file.filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
      ResponseContentType: file.contentType,
    });
    return getSignedUrl(client, command, { expiresIn: expiresInSeconds });
  }
}
