import { S3Client } from '@aws-sdk/client-s3';
import { S3ExportStore } from '../../shared/aws/s3-export-store';
import { ConfigError } from '../../shared/config';
import type { ExportStore } from '../../shared/exports/export-store';
import type { Dependencies } from './dependencies';

/** Exports go to the exports bucket (the local S3 stand-in locally, path-style). */
export function createExportStore(deps: Dependencies): ExportStore {
  const exports = deps.config.exports;
  if (!exports) throw new ConfigError('EXPORT_BUCKET is not set');
  const s3 = new S3Client({
    region: deps.config.region,
    ...(exports.endpoint ? { endpoint: exports.endpoint, forcePathStyle: true } : {}),
    // Integrity is TLS's and the part ETags'; no trailing checksums (aws-chunked bodies) on a streamed upload.
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });
  return new S3ExportStore(s3, exports.bucket);
}
