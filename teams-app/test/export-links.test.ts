import { describe, expect, it } from 'vitest';
import { createExportLinks } from '../src/http/export-links';

describe('export links', () => {
  const claim = { tenantId: 't', personId: 'p' };

  it('stand for their person and carry an id of their own (single use is the Store’s to keep)', () => {
    const links = createExportLinks();
    const first = links.verify(links.issue(claim));
    const second = links.verify(links.issue(claim));
    expect(first).toMatchObject(claim);
    expect(first?.linkId).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(second?.linkId).not.toBe(first?.linkId);
  });

  it('expire', () => {
    let now = 1_000;
    const links = createExportLinks({ ttlMs: 100, now: () => now });
    const token = links.issue(claim);
    now = 1_100;
    expect(links.verify(token)).toMatchObject(claim);
    now = 1_101;
    expect(links.verify(token)).toBeNull();
  });

  it('refuse a changed payload, another secret, and garbage', () => {
    const links = createExportLinks({ secret: 'a'.repeat(32) });
    const token = links.issue(claim);
    const [body, sig] = token.split('.') as [string, string];
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString());
    const tampered = Buffer.from(JSON.stringify({ ...payload, p: 'someone-else' })).toString('base64url');
    expect(links.verify(`${tampered}.${sig}`)).toBeNull();
    expect(createExportLinks({ secret: 'b'.repeat(32) }).verify(token)).toBeNull();
    expect(links.verify('garbage')).toBeNull();
    expect(links.verify(`${token}.x`)).toBeNull();
    expect(links.verify(token)).toMatchObject(claim);
  });

  it('made with the same secret are understood by another instance', () => {
    const secret = 's'.repeat(32);
    const token = createExportLinks({ secret }).issue(claim);
    expect(createExportLinks({ secret }).verify(token)).toMatchObject(claim);
  });
});
