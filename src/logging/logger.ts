import pino from 'pino';

export type Logger = pino.Logger;

/**
 * Where secrets could sit in what we log: request headers (however the request
 * object is named), and fields named after credentials, at the top or one level
 * down. pino's redaction matches exact paths; `*` stands for one key.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'headers.authorization',
  'headers.cookie',
  'headers["x-api-key"]',
  '*.headers.authorization',
  '*.headers.cookie',
  '*.headers["x-api-key"]',
  'authorization',
  '*.authorization',
  'token',
  '*.token',
  'apiKey',
  '*.apiKey',
  '["x-api-key"]',
  '*["x-api-key"]',
  'password',
  '*.password',
  'config.neo4j.password',
];

/**
 * Structured JSON logs, on stdout unless `destination` is given (tests pass one
 * that keeps the lines in memory). Authorization headers, API keys, tokens and
 * passwords are redacted wherever they appear. Pipe through `npx pino-pretty` to read them.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'careers-graph' },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}
