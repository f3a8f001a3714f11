/**
 * Where large answers go: a file written once, streamed in (memory stays flat however many rows), and handed to
 * the caller as a short-lived link the browser downloads directly. S3 with a presigned GET in AWS; the local
 * stack's S3 stand-in locally (README "Exports").
 */
export interface ExportFile {
  /** The object key, e.g. `exports/{accountId}/{id}.csv`. */
  key: string;
  contentType: string;
  /** What the browser saves it as. */
  filename: string;
}

export interface ExportStore {
  /** Streams `body` into the file; returns its size. */
  write(file: ExportFile, body: AsyncIterable<string>): Promise<{ bytes: number }>;
  /** A GET link valid for `expiresInSeconds`. */
  linkFor(file: ExportFile, expiresInSeconds: number): Promise<string>;
}

/** Links are good for this long: enough to start a download, short enough that a leaked link soon dies. */
export const EXPORT_LINK_SECONDS = 15 * 60;
