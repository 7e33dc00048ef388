import { CompiledQuery, type RawBuilder } from 'kysely';
import type { AnyKysely } from './ops';

type Value = string | number | null;

/**
 * Statements of a fixed shape, compiled once per store: Kysely otherwise rebuilds and recompiles every query,
 * which costs more than SQLite's own work on the hot write path. `build` receives marker strings in place of
 * the values and must use each value only as a parameter (constants go in with `sql.lit`), so that the
 * compiled parameter list can be filled from `values` on every later run.
 */
export class CompiledStatements {
  private readonly cache = new Map<string, { sql: string; order: number[] }>();

  run<R>(db: AnyKysely, key: string, values: readonly Value[], build: (v: readonly string[]) => RawBuilder<unknown>) {
    let entry = this.cache.get(key);
    if (!entry) {
      const markers = values.map((_, i) => `\u0001${key}:${i}\u0001`);
      const compiled = build(markers).compile(db);
      const order = compiled.parameters.map((p) => markers.indexOf(p as string));
      if (order.includes(-1)) throw new Error(`statement ${key} has a parameter that is not one of its values`);
      entry = { sql: compiled.sql, order };
      this.cache.set(key, entry);
    }
    const { sql, order } = entry;
    return db.executeQuery<R>(
      CompiledQuery.raw(
        sql,
        order.map((i) => values[i]),
      ),
    );
  }
}
