/** middy middleware: any error escaping a handler becomes the documented error body (5xx only for real bugs). */
import type { MiddlewareObj } from '@middy/core';
import type { Logger } from '@aws-lambda-powertools/logger';
import { PitwatchError } from '../errors';
import { errorResponse } from './responses';

export function httpErrors(logger: Logger): MiddlewareObj {
  return {
    onError: async (request) => {
      const error = request.error;
      if (error instanceof PitwatchError && error.httpStatus < 500) {
        logger.info('Request rejected', { code: error.code, status: error.httpStatus });
      } else {
        logger.error('Request failed', error instanceof Error ? error : String(error));
      }
      request.response = errorResponse(error);
    },
  };
}
