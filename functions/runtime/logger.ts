import { Logger } from '@aws-lambda-powertools/logger';

/**
 * One structured logger per function (level from POWERTOOLS_LOG_LEVEL). Events and request bodies are never
 * logged: they carry ThermoWorks passwords and session tokens.
 */
export function createLogger(serviceName: string): Logger {
  return new Logger({ serviceName });
}
