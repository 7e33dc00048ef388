import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface ExportClaim {
  tenantId: string;
  personId: string;
}

export interface ExportLinks {
  /** A token for `/export/:token`, valid once and for `ttlMs`. */
  issue(claim: ExportClaim): string;
  /** The claim when the token is genuine, unexpired and unused; it is then spent. Null otherwise. */
  redeem(token: string): ExportClaim | null;
  readonly ttlMs: number;
}

interface Payload {
  t: string;
  p: string;
  exp: number;
  n: string;
}

/**
 * Short-lived, single-use signed links. The secret is configured or made per process (links then die with
 * the process, which is acceptable for a download offered right away). Spent nonces are kept in memory until
 * they expire; with several instances, give them the same secret and accept one use per instance at most.
 */
export function createExportLinks(options: { secret?: string; ttlMs?: number; now?: () => number } = {}): ExportLinks {
  const secret = options.secret ?? randomBytes(32).toString('hex');
  const ttlMs = options.ttlMs ?? 10 * 60_000;
  const now = options.now ?? Date.now;
  const spent = new Map<string, number>();

  const sign = (body: string) => createHmac('sha256', secret).update(body).digest('base64url');

  function forgetExpired(at: number) {
    for (const [nonce, exp] of spent) if (exp < at) spent.delete(nonce);
  }

  return {
    ttlMs,
    issue({ tenantId, personId }) {
      const payload: Payload = {
        t: tenantId,
        p: personId,
        exp: now() + ttlMs,
        n: randomBytes(12).toString('base64url'),
      };
      const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
      return `${body}.${sign(body)}`;
    },
    redeem(token) {
      if (token.length > 2000) return null;
      const [body, signature, extra] = token.split('.');
      if (!body || !signature || extra !== undefined) return null;
      const expected = Buffer.from(sign(body));
      const given = Buffer.from(signature);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
      let payload: Payload;
      try {
        payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Payload;
      } catch {
        return null;
      }
      const at = now();
      forgetExpired(at);
      if (typeof payload.exp !== 'number' || payload.exp < at || spent.has(payload.n)) return null;
      spent.set(payload.n, payload.exp);
      return { tenantId: payload.t, personId: payload.p };
    },
  };
}
