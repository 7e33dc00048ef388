import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInput, ReboundError } from '../errors';
import { parseActor } from './context';
import { actorSchema } from './inputs';

/** What `parseActor` does, as a value: the actor, or the error's code, key and fields. */
function outcome(parse: () => unknown): unknown {
  try {
    return { actor: parse() };
  } catch (error) {
    if (!(error instanceof ReboundError)) throw error;
    return { code: error.code, messageKey: error.messageKey, fields: error.fields };
  }
}

const idLike = fc.oneof(
  fc.constantFrom('rep', 'tenant-a', '00000000-0000-4000-8000-000000000000', '', ' ', 'a b', 'a\u0000', 'x\u007f'),
  fc.constantFrom('a'.repeat(200), 'a'.repeat(201), '佐藤', '😀'.repeat(100), '😀'.repeat(101)),
  fc.string({ maxLength: 8 }),
  fc.integer(),
  fc.constant(null),
  fc.constant(undefined),
);

const actorLike: fc.Arbitrary<unknown> = fc.oneof(
  fc.record({ tenantId: idLike, personId: idLike }),
  fc.record({ tenantId: idLike, personId: idLike }, { requiredKeys: [] }),
  fc
    .record({ tenantId: idLike, personId: idLike, key: fc.constantFrom('__proto__', 'constructor', 'extra') })
    .map(({ tenantId, personId, key }) => {
      const actor: Record<string, unknown> = { tenantId, personId };
      Object.defineProperty(actor, key, { value: 'x', enumerable: true, configurable: true, writable: true });
      return actor;
    }),
  fc.record({ tenantId: idLike, personId: idLike }).map((fields) => Object.assign(Object.create(null), fields)),
  fc.record({ tenantId: idLike, personId: idLike }).map((fields) => Object.create(fields)),
  fc.record({ tenantId: idLike, personId: idLike }).map((fields) => [fields]),
  fc.anything(),
);

describe('the actor check', () => {
  it('gives the schema’s answer for any actor: the same ids, or the same validation error', () => {
    fc.assert(
      fc.property(actorLike, (input) => {
        expect(outcome(() => parseActor(input))).toEqual(outcome(() => parseInput(actorSchema, input)));
      }),
      { numRuns: 3000 },
    );
  });

  it('returns a fresh actor with only the two ids', () => {
    const input = { personId: 'rep', tenantId: 'tenant-a' };
    const actor = parseActor(input);
    expect(actor).toEqual({ tenantId: 'tenant-a', personId: 'rep' });
    expect(actor).not.toBe(input);
  });

  it('rejects an id with a space or one over 200 characters, field by field', () => {
    expect(() => parseActor({ tenantId: 'tenant a', personId: 'rep' })).toThrow(ReboundError);
    const error = outcome(() => parseActor({ tenantId: 'tenant-a', personId: 'r'.repeat(201) }));
    expect(error).toMatchObject({ code: 'validation', fields: [{ path: 'personId' }] });
  });
});
