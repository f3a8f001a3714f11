/** What GET /openapi.json answers: an OpenAPI 3.1 document (checked loosely here; shared/api/openapi.ts builds it). */
import * as z from '../validation/zod';

export const openApiDocumentSchema = z.looseObject({
  openapi: z.literal('3.1.0'),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
  components: z.record(z.string(), z.unknown()),
});
export type OpenApiDocument = z.infer<typeof openApiDocumentSchema>;
