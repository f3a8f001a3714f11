import type { S3Client } from '@aws-sdk/client-s3';
import { S3ExportStore } from '../../shared/aws/s3-export-store';
import { ConfigError } from '../../shared/config';
import type { ExportStore } from '../../shared/exports/export-store';
import { lazy, type CoreDependencies } from './core-dependencies';

/** Exports go to the exports bucket (the local S3 stand-in locally, path-style). */
export function createExportStore(deps: Pick<CoreDependencies, 'config'>): ExportStore {
  const exports = deps.config.exports;
  if (!exports) throw new ConfigError('EXPORT_BUCKET is not set');
  return new S3ExportStore(
    lazy(() => exportsS3Client(deps.config.region, exports.endpoint)),
    exports.bucket,
  );
}

/** Imported when first needed (s3-export-store.ts says why). */
export async function exportsS3Client(region: string, endpoint: string | undefined): Promise<S3Client> {
  const { S3Client } = await import('@aws-sdk/client-s3');
  return new S3Client({
    region,
    ...(endpoint ? { endpoint, forcePathStyle: true } : {}),
    // Integrity is TLS's and the part ETags'; no trailing checksums (aws-chunked bodies) on a streamed upload.
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });
}
