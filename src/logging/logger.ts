import pino from 'pino';
import { chooseLogFormat, type LogFormat } from './log-format';

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
 * Structured logs on stdout: JSON lines, or with `{ format }` pino-pretty's lines when
 * that format is chosen (see chooseLogFormat: a terminal gets pretty ones unless
 * LOG_FORMAT=json). Tests pass a destination that keeps the JSON lines in memory.
 * Authorization headers, API keys, tokens and passwords are redacted wherever they appear.
 */
export function createLogger(level: string, output?: pino.DestinationStream | { format: LogFormat | undefined }): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'careers-graph' },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  };
  if (output && 'write' in output) return pino(options, output);
  const prettyStream = loadPinoPretty();
  const format = chooseLogFormat(output?.format, process.stdout.isTTY === true, prettyStream !== undefined);
  if (format === 'pretty' && prettyStream) {
    // In this thread and synchronous (no worker transport): the last lines before an exit are never lost.
    // Colours when the terminal supports them (pino-pretty decides).
    return pino(options, prettyStream({ sync: true, singleLine: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,service' }));
  }
  return pino(options);
}

type PrettyFactory = (options: Record<string, unknown>) => pino.DestinationStream;

/** pino-pretty is a development dependency: absent from a production install. */
function loadPinoPretty(): PrettyFactory | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('pino-pretty') as PrettyFactory;
  } catch {
    return undefined;
  }
}
