import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Store } from '@rebound/core';

/** Opens the Store named by `REBOUND_DATABASE_URL` (SQLite file by default, PostgreSQL for scale-out). */
export async function openStore(databaseUrl: string): Promise<Store> {
  if (databaseUrl.startsWith('sqlite:')) {
    const file = databaseUrl.slice('sqlite:'.length);
    if (file && file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  }
  const storeSql = (await import('@rebound/store-sql')) as {
    createSqlStore?: (o: { url: string }) => Store | Promise<Store>;
  };
  if (typeof storeSql.createSqlStore !== 'function') {
    throw new Error('@rebound/store-sql does not export createSqlStore yet');
  }
  return await storeSql.createSqlStore({ url: databaseUrl });
}
