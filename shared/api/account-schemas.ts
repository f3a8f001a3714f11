/** Wire contracts of "your data is yours": the export of everything stored for the user, and account deletion. */
import * as z from '../validation/zod';

/** Large answers are written to a file and handed over as a short-lived link (README: "Exports"). */
export const downloadLinkSchema = z.object({
  url: z.string(),
  expiresAt: z.string(),
  /** What the file holds, e.g. `application/json`. */
  contentType: z.string(),
  bytes: z.number().check(z.int(), z.nonnegative()),
});
export type DownloadLink = z.infer<typeof downloadLinkSchema>;

/** Deleting the account is typed out, like GitHub's "type the repository name": the linked email, exactly. */
export const deleteAccountRequestSchema = z.strictObject({ confirm: z.string().check(z.minLength(1), z.maxLength(320)) });

export const accountDeletedSchema = z.object({
  deleted: z.literal(true),
  /** Items removed from the table, history points removed from the history store. */
  items: z.number().check(z.int(), z.nonnegative()),
  historyPoints: z.number().check(z.int(), z.nonnegative()),
});
