/** An in-memory table: rows by primary key plus secondary indexes (one row may sit under several keys). */
export class Table<T> {
  private readonly rows = new Map<string, T>();
  private readonly indexes = new Map<string, Map<string, Set<string>>>();

  constructor(
    private readonly indexers: Record<string, (row: T) => string | readonly string[] | null> = {},
    /** Called with every row stored or removed (rollbacks included), to drop caches derived from it. */
    private readonly onChange: (row: T) => void = () => {},
  ) {
    for (const name of Object.keys(indexers)) this.indexes.set(name, new Map());
  }

  get(key: string): T | undefined {
    return this.rows.get(key);
  }

  /** Stores `row` under `key`; returns the row it replaced. */
  set(key: string, row: T): T | undefined {
    const previous = this.rows.get(key);
    if (previous !== undefined) {
      this.unindex(key, previous);
      this.onChange(previous);
    }
    this.rows.set(key, row);
    this.index(key, row);
    this.onChange(row);
    return previous;
  }

  delete(key: string): T | undefined {
    const previous = this.rows.get(key);
    if (previous === undefined) return undefined;
    this.unindex(key, previous);
    this.rows.delete(key);
    this.onChange(previous);
    return previous;
  }

  /** Rows filed under `value` in index `name`. */
  lookup(name: string, value: string): T[] {
    const keys = this.indexes.get(name)?.get(value);
    if (!keys) return [];
    const out: T[] = [];
    for (const k of keys) out.push(this.rows.get(k)!);
    return out;
  }

  values(): IterableIterator<T> {
    return this.rows.values();
  }

  private index(key: string, row: T): void {
    for (const [name, indexer] of Object.entries(this.indexers)) {
      for (const value of asList(indexer(row))) {
        const byValue = this.indexes.get(name)!;
        let keys = byValue.get(value);
        if (!keys) {
          keys = new Set();
          byValue.set(value, keys);
        }
        keys.add(key);
      }
    }
  }

  private unindex(key: string, row: T): void {
    for (const [name, indexer] of Object.entries(this.indexers)) {
      for (const value of asList(indexer(row))) {
        const byValue = this.indexes.get(name)!;
        const keys = byValue.get(value);
        keys?.delete(key);
        if (keys?.size === 0) byValue.delete(value);
      }
    }
  }
}

function asList(v: string | readonly string[] | null): readonly string[] {
  return v === null ? [] : typeof v === 'string' ? [v] : v;
}
