import { isReboundError } from '@rebound/core';
import { redact, SqlStoreError } from './errors';

export interface PgTargetInfo {
  host: string;
  port: number;
  user: string;
  database: string;
  password?: string | undefined;
}

const codeOf = (error: unknown): string => String((error as { code?: unknown } | null)?.code ?? '');
const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : typeof error === 'string' ? error : 'unknown error';

/** Explains a SQLite failure to open or write the file; other errors pass through unchanged. */
export function sqliteError(error: unknown, path: string, busyTimeoutMs: number): unknown {
  if (isReboundError(error)) return error;
  const code = codeOf(error);
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM' || code === 'EROFS') {
    return new SqlStoreError('unavailable', 'store.sqlite-readonly', { path }, { cause: error });
  }
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new SqlStoreError('unavailable', 'store.sqlite-not-a-database', { path }, { cause: error });
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new SqlStoreError('unavailable', 'store.sqlite-busy', { path, timeoutMs: busyTimeoutMs }, { cause: error });
  }
  if (code.startsWith('SQLITE_CANTOPEN') || code === 'EACCES' || code === 'ENOTDIR' || code === 'EEXIST') {
    return new SqlStoreError(
      'unavailable',
      'store.sqlite-cannot-open',
      { path, reason: messageOf(error) },
      { cause: error },
    );
  }
  return error;
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);
/** Server going away under us: admin shutdown, crash shutdown, cannot connect now, too many connections. */
const SERVER_GONE = new Set(['57P01', '57P02', '57P03', '53300', 'ECONNRESET', 'EPIPE']);

/**
 * Explains a PostgreSQL connection failure. The password never appears: pg's own messages do not carry it,
 * and whatever text we pass on is redacted anyway.
 */
export function pgError(error: unknown, target: PgTargetInfo): unknown {
  if (isReboundError(error)) return error;
  const code = codeOf(error);
  const message = messageOf(error);
  const where = { host: target.host, port: target.port };
  const reason = redact(message, target.password);
  if (UNREACHABLE.has(code) || /timeout|terminated unexpectedly/i.test(message)) {
    return new SqlStoreError('unavailable', 'store.pg-unreachable', { ...where, reason: code || reason });
  }
  if (code === '28P01' || code === '28000' || /SASL|password/i.test(message)) {
    return new SqlStoreError('unavailable', 'store.pg-auth', { ...where, user: target.user });
  }
  if (code === '3D000') {
    return new SqlStoreError('unavailable', 'store.pg-no-database', { ...where, database: target.database });
  }
  if (SERVER_GONE.has(code)) {
    return new SqlStoreError('unavailable', 'store.pg-failed', { ...where, reason });
  }
  return error;
}
