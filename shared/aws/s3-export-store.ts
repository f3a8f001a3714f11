import { Readable } from 'node:stream';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { ExportFile, ExportStore } from '../exports/export-store';

/** S3 parts are at least 5 MiB: the smallest part and one in flight keep an export's memory at ~10 MiB. */
const PART_BYTES = 5 * 1024 * 1024;

/**
 * Exports in S3: the body streams into a multipart upload (lib-storage buffers one part at a time), and the link
 * is a presigned GET (SigV4 query signing), so the browser downloads straight from S3, past any Lambda payload limit.
 */
export class S3ExportStore implements ExportStore {
  constructor(
    private readonly s3: S3Client,
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
    const upload = new Upload({
      client: this.s3,
      params: { Bucket: this.bucket, Key: file.key, Body: counted, ContentType: file.contentType },
      partSize: PART_BYTES,
      queueSize: 1,
      leavePartsOnError: false,
    });
    await upload.done();
    return { bytes };
  }

  async linkFor(file: ExportFile, expiresInSeconds: number): Promise<string> {
    const command = new GetObjectCommand({
      Bucket: this.bucket,
      Key: file.key,
      ResponseContentDisposition: `attachment; filename="${file.filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
      ResponseContentType: file.contentType,
    });
    return getSignedUrl(this.s3, command, { expiresIn: expiresInSeconds });
  }
}
