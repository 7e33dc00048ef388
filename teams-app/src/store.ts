import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Store } from '@rebound/core';
import { createSqlStore } from '@rebound/store-sql';

/** Opens the Store named by `REBOUND_DATABASE_URL` (SQLite file by default, PostgreSQL for scale-out). */
export async function openStore(databaseUrl: string): Promise<Store> {
  if (databaseUrl.startsWith('sqlite:')) {
    const file = databaseUrl.slice('sqlite:'.length);
    if (file && file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  }
  return createSqlStore({ url: databaseUrl });
}
