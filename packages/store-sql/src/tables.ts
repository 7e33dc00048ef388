import { type RawBuilder, sql } from 'kysely';

export const TABLE_NAMES = [
  'schema_migrations',
  'persons',
  'teams',
  'memberships',
  'assignments',
  'logs',
  'log_months',
  'outcomes',
  'check_ins',
  'shares',
  'share_audience',
  'replies',
  'schedules',
  'conversation_refs',
  'deliveries',
  'idempotency_records',
] as const;
export type TableName = (typeof TABLE_NAMES)[number];

/** Qualified table references (prefix and, on PostgreSQL, schema) plus unqualified index names. */
export interface Tables {
  readonly prefix: string;
  readonly schema: string | undefined;
  /** `schema.prefix_table` as an identifier. */
  t(name: TableName): RawBuilder<unknown>;
  /** The unqualified name for an index or constraint (`prefix_logs_author`). */
  index(name: string): RawBuilder<unknown>;
  /** The qualified table name as a plain string, for error messages and lock keys. */
  qualified(name: TableName): string;
}

export function makeTables(prefix: string, schema: string | undefined): Tables {
  const cache = new Map<TableName, RawBuilder<unknown>>();
  return {
    prefix,
    schema,
    t(name) {
      let ref = cache.get(name);
      if (!ref) {
        ref = schema ? sql.id(schema, prefix + name) : sql.id(prefix + name);
        cache.set(name, ref);
      }
      return ref;
    },
    index(name) {
      return sql.id(prefix + name);
    },
    qualified(name) {
      return schema ? `${schema}.${prefix}${name}` : prefix + name;
    },
  };
}
