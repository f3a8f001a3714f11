import { S3Client } from '@aws-sdk/client-s3';
import { S3ExportStore } from '../../shared/aws/s3-export-store';
import { ConfigError } from '../../shared/config';
import type { ExportStore } from '../../shared/exports/export-store';
import type { Dependencies } from './dependencies';

/** Exports go to the exports bucket (the local S3 stand-in locally, path-style). */
export function createExportStore(deps: Pick<Dependencies, 'config'>): ExportStore {
  const exports = deps.config.exports;
  if (!exports) throw new ConfigError('EXPORT_BUCKET is not set');
  return new S3ExportStore(exportsS3Client(deps.config.region, exports.endpoint), exports.bucket);
}

export function exportsS3Client(region: string, endpoint: string | undefined): S3Client {
  return new S3Client({
    region,
    ...(endpoint ? { endpoint, forcePathStyle: true } : {}),
    // Integrity is TLS's and the part ETags'; no trailing checksums (aws-chunked bodies) on a streamed upload.
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });
}
