import pino, { type Logger } from 'pino';

/** JSON logs; credentials and tokens are never written. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'rebound-bot' },
      redact: {
        paths: ['req.headers.authorization', 'headers.authorization', 'authorization', 'MicrosoftAppPassword'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
