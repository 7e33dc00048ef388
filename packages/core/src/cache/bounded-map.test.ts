import { describe, expect, it } from 'vitest';
import { BoundedMap } from './bounded-map';

describe('BoundedMap', () => {
  it('never holds more than its limit: the oldest entry goes first', () => {
    const map = new BoundedMap<string, number>(3);
    for (let i = 0; i < 10; i++) map.set(`k${i}`, i);
    expect(map.size).toBe(3);
    expect([...map.keys()]).toEqual(['k7', 'k8', 'k9']);
    expect(map.get('k0')).toBeUndefined();
  });

  it('replaces a value in place without forgetting another, and makes a missing one once', () => {
    const map = new BoundedMap<string, number>(2);
    map.set('a', 1).set('b', 2).set('a', 3);
    expect([...map.keys()]).toEqual(['a', 'b']);
    let made = 0;
    expect(map.getOrSet('a', () => ++made)).toBe(3);
    expect(map.getOrSet('c', () => ++made)).toBe(1);
    expect(map.getOrSet('c', () => ++made)).toBe(1);
    expect(made).toBe(1);
    expect([...map.keys()]).toEqual(['b', 'c']);
  });

  it('refuses a limit below one', () => {
    expect(() => new BoundedMap(0)).toThrow(RangeError);
  });
});
