import pino from 'pino';

export type Logger = pino.Logger;

/**
 * Structured JSON logs on stdout. Authorization headers and passwords are
 * redacted wherever they appear. Pipe through `npx pino-pretty` to read them.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'careers-graph' },
    redact: {
      paths: ['req.headers.authorization', 'password', '*.password', 'config.neo4j.password'],
      censor: '[redacted]',
    },
  });
}
