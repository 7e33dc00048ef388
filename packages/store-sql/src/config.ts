import { SqlStoreError } from './errors';

export type SqlDialectName = 'sqlite' | 'postgres';

export type StoreTarget =
  | { dialect: 'sqlite'; path: string; memory: boolean }
  | {
      dialect: 'postgres';
      connectionString: string;
      host: string;
      port: number;
      user: string;
      password: string | undefined;
      database: string;
    };

/** The URL with any password replaced by `***`, for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@\s]*:)[^/\s]*@/, '$1***@');
}

/**
 * Parses `sqlite:./path/file.db`, `sqlite:/abs/path.db`, `sqlite::memory:` and
 * `postgres://user:password@host:port/database` (also `postgresql://`).
 */
export function parseStoreUrl(url: string): StoreTarget {
  const invalid = () => new SqlStoreError('validation', 'store.url-invalid', { url: redactUrl(url) });
  if (typeof url !== 'string' || url.trim() === '') throw invalid();
  const trimmed = url.trim();
  if (/^sqlite:/i.test(trimmed)) {
    let rest = trimmed.slice('sqlite:'.length);
    if (rest === ':memory:') return { dialect: 'sqlite', path: ':memory:', memory: true };
    if (rest.startsWith('//')) rest = rest.slice(2);
    if (rest === '' || rest.includes('\0')) throw invalid();
    return { dialect: 'sqlite', path: rest, memory: false };
  }
  if (/^postgres(ql)?:\/\//i.test(trimmed)) {
    let parsed: URL;
    try {
      parsed = new URL(trimmed);
    } catch {
      throw invalid();
    }
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
    if (parsed.hostname === '' || database === '' || database.includes('/')) throw invalid();
    const port = parsed.port === '' ? 5432 : Number(parsed.port);
    return {
      dialect: 'postgres',
      connectionString: trimmed,
      host: parsed.hostname,
      port,
      user: decodeURIComponent(parsed.username) || 'postgres',
      password: parsed.password === '' ? undefined : decodeURIComponent(parsed.password),
      database,
    };
  }
  throw invalid();
}
