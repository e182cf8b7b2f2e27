/** JSON lines for machines, or pino-pretty's coloured lines for a person at a terminal. */
export type LogFormat = 'json' | 'pretty';

/**
 * The format asked for (LOG_FORMAT) wins; unset, a terminal gets pretty lines and a
 * pipe, a file or a container's log collector gets JSON. Pretty needs `pino-pretty`
 * (a development dependency): without it, as in the production image, the logs stay JSON.
 */
export function chooseLogFormat(asked: LogFormat | undefined, stdoutIsTerminal: boolean, prettyInstalled: boolean): LogFormat {
  const wanted = asked ?? (stdoutIsTerminal ? 'pretty' : 'json');
  return wanted === 'pretty' && prettyInstalled ? 'pretty' : 'json';
}
