import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface ExportClaim {
  tenantId: string;
  personId: string;
}

/** What a genuine, unexpired link stands for. */
export interface ExportLink extends ExportClaim {
  /** The link's own id: core records its single use under it in the Store (`exportMyData`'s `linkId`). */
  linkId: string;
}

export interface ExportLinks {
  /** A token for `/export/:token`, valid for `ttlMs` and, through the Store, once. */
  issue(claim: ExportClaim): string;
  /**
   * The link when the token is genuine (signed with this secret) and unexpired; null otherwise. Whether it was
   * used already is the Store's to say: core refuses a second export by the same link.
   */
  verify(token: string): ExportLink | null;
  readonly ttlMs: number;
}

interface Payload {
  t: string;
  p: string;
  exp: number;
  n: string;
}

const isPayload = (v: unknown): v is Payload => {
  const p = v as Partial<Payload> | null;
  return (
    typeof p === 'object' &&
    p !== null &&
    typeof p.t === 'string' &&
    typeof p.p === 'string' &&
    typeof p.n === 'string' &&
    typeof p.exp === 'number'
  );
};

/**
 * Short-lived signed links. The secret is configured or made per process (links then die with the process,
 * which is acceptable for a download offered right away); with several instances, give them the same secret.
 * Single use is not kept here but in the Store, so it holds across instances and restarts.
 */
export function createExportLinks(options: { secret?: string; ttlMs?: number; now?: () => number } = {}): ExportLinks {
  const secret = options.secret ?? randomBytes(32).toString('hex');
  const ttlMs = options.ttlMs ?? 10 * 60_000;
  const now = options.now ?? Date.now;

  const sign = (body: string) => createHmac('sha256', secret).update(body).digest('base64url');

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
    verify(token) {
      if (token.length > 2000) return null;
      const [body, signature, extra] = token.split('.');
      if (!body || !signature || extra !== undefined) return null;
      const expected = Buffer.from(sign(body));
      const given = Buffer.from(signature);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
      let payload: unknown;
      try {
        payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
      } catch {
        return null;
      }
      if (!isPayload(payload) || payload.exp < now()) return null;
      return { tenantId: payload.t, personId: payload.p, linkId: payload.n };
    },
  };
}
