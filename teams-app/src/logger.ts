import { createRequire } from 'node:module';
import pino, { type Logger } from 'pino';

/** `json`: one JSON object a line (production, log shippers); `pretty`: coloured, readable lines for a person. */
export type LogFormat = 'json' | 'pretty';

const LOG_FORMATS: readonly LogFormat[] = ['json', 'pretty'];

/**
 * `LOG_FORMAT` when set (`pretty` or `json`); otherwise pretty when stdout is a terminal and `NODE_ENV` is not
 * `production`, JSON everywhere else (a pipe, a file, a container log, production).
 */
export function logFormatFor(env: { LOG_FORMAT?: string; NODE_ENV?: string }, stdoutIsTTY: boolean): LogFormat {
  const chosen = env.LOG_FORMAT?.trim().toLowerCase();
  if (chosen) {
    const format = LOG_FORMATS.find((f) => f === chosen);
    if (!format) throw new Error(`LOG_FORMAT: set it to pretty or json, or leave it unset (it is "${env.LOG_FORMAT}")`);
    return format;
  }
  return stdoutIsTTY && env.NODE_ENV !== 'production' ? 'pretty' : 'json';
}

const require = createRequire(import.meta.url);

/**
 * The bot's logger; credentials and tokens are never written. `pretty` formats through pino-pretty in pino's
 * transport worker (to stdout); `json` writes to `destination` (stdout by default).
 */
export function createLogger(
  level: string,
  options: { format?: LogFormat; destination?: pino.DestinationStream } = {},
): Logger {
  const settings: pino.LoggerOptions = {
    level,
    base: { service: 'rebound-bot' },
    redact: {
      paths: ['req.headers.authorization', 'headers.authorization', 'authorization', 'MicrosoftAppPassword'],
      censor: '[redacted]',
    },
  };
  if (options.format === 'pretty') {
    return pino({
      ...settings,
      transport: {
        // Resolved here: the transport worker would otherwise look for it from pino's own folder.
        target: require.resolve('pino-pretty'),
        options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service', singleLine: false },
      },
    });
  }
  return pino(settings, options.destination);
}
