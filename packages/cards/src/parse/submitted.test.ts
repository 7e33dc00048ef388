import { describe, expect, it } from 'vitest';
import { parseCheckInForm } from './forms';

describe('parsing a submitted check-in form', () => {
  it('refuses a bad check-in form with the fields core names', () => {
    const result = parseCheckInForm({ prompts: [{ id: 'p', kind: 'essay' }], pressure: '9', visibility: 'everyone' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('validation');
      expect(result.error.fields.map((f) => f.path)).toEqual(['0.kind']);
    }
  });
});
