import { openApiDocument } from '../../shared/api/openapi';
import { createDependencies, lazy } from '../runtime/dependencies';
import { httpFunction } from '../runtime/http-function';
import { createLogger } from '../runtime/logger';

const logger = createLogger('openapi');
const deps = createDependencies();
/** Built once per container: the route table does not change while it runs. */
const document = lazy(() => openApiDocument(process.env.npm_package_version ?? '0.1.0'));

/** GET /openapi.json — public, reads nothing but the route table. */
export const handler = httpFunction('openapi', { openApi: async () => document() }, deps, logger);
