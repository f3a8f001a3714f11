import { Logger } from '@aws-lambda-powertools/logger';

/** One structured logger per function. Request bodies are never logged: they carry ThermoWorks passwords. */
export function createLogger(serviceName: string): Logger {
  return new Logger({ serviceName, logLevel: (process.env.LOG_LEVEL as 'INFO' | undefined) ?? 'INFO' });
}
