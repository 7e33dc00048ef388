import { BoundedMap } from '../../cache/bounded-map';

/** FNV-1a, 32 bit: a stable, platform-independent hash for deterministic rotation (no randomness). */
export function stableHash(input: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < input.length; i++) {
    hash ^= input.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A deterministic number in [0, 1) for `key`. */
export function stableUnit(key: string): number {
  return stableHash(key) / 0x1_0000_0000;
}

/** Mixes two 32-bit hashes into a deterministic number in [0, 1) (murmur3's finaliser). */
export function mixUnit(a: number, b: number): number {
  let h = (a ^ Math.imul(b, 0x9e3779b1)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 0x1_0000_0000;
}

const idHashes = new BoundedMap<string, number>(10_000);
/** `stableHash` of a catalog id, remembered: catalogs are small and their ids are hashed on every call. */
export function idHash(id: string): number {
  return idHashes.getOrSet(id, () => stableHash(id));
}
