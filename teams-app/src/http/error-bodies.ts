import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Request, Response } from 'restify';

const CODES = new Map<number, string>([
  [400, 'bad-request'],
  [404, 'not-found'],
  [405, 'method-not-allowed'],
  [413, 'too-large'],
  [415, 'unsupported-media-type'],
]);

/**
 * A `restifyError` listener: what restify answers by itself (a body that is not JSON, a body too large, an
 * unknown path) says only a short code and a correlation id, like every other refusal, instead of restify's
 * message (a JSON parser's text, the path asked for). The message goes to the log.
 */
export function shortErrorBodies(logger: Logger) {
  return (req: Request, res: Response, err: Error & { statusCode?: number }, done: () => void): void => {
    const correlationId = randomUUID();
    const status = typeof err.statusCode === 'number' ? err.statusCode : 500;
    const body = { error: CODES.get(status) ?? (status < 500 ? 'bad-request' : 'internal'), correlationId };
    logger.warn({ correlationId, status, reason: err.message, path: req.getPath() }, 'request refused by restify');
    res.header('x-correlation-id', correlationId);
    Object.assign(err, { toJSON: () => body, toString: () => JSON.stringify(body) });
    done();
  };
}
