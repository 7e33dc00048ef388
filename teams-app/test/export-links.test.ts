import { describe, expect, it } from 'vitest';
import { createExportLinks } from '../src/http/export-links';

describe('export links', () => {
  const claim = { tenantId: 't', personId: 'p' };

  it('work once', () => {
    const links = createExportLinks();
    const token = links.issue(claim);
    expect(links.redeem(token)).toEqual(claim);
    expect(links.redeem(token)).toBeNull();
  });

  it('expire', () => {
    let now = 1_000;
    const links = createExportLinks({ ttlMs: 100, now: () => now });
    const token = links.issue(claim);
    now = 1_101;
    expect(links.redeem(token)).toBeNull();
  });

  it('refuse a changed payload or another secret', () => {
    const links = createExportLinks({ secret: 'a'.repeat(32) });
    const token = links.issue(claim);
    const [body, sig] = token.split('.') as [string, string];
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString());
    const tampered = Buffer.from(JSON.stringify({ ...payload, p: 'someone-else' })).toString('base64url');
    expect(links.redeem(`${tampered}.${sig}`)).toBeNull();
    expect(createExportLinks({ secret: 'b'.repeat(32) }).redeem(token)).toBeNull();
    expect(links.redeem('garbage')).toBeNull();
    expect(links.redeem(token)).toEqual(claim);
  });
});
