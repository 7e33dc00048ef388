import { defineCatalog } from '@rebound/core';

/**
 * What an operator must fix when the store cannot start or reach its database. These go to whoever configures
 * Rebound (a developer or an administrator), never to reps, and never contain a password.
 */
export const storeMessages = defineCatalog({
  en: {
    'store.url-invalid':
      'The store URL "{url}" is not valid. Use sqlite:./path/to/file.db, sqlite::memory: or postgres://user:password@host:port/database.',
    'store.options-invalid': 'createSqlStore needs exactly one of url, kysely (with dialect) or pool. {detail}',
    'store.kysely-dialect':
      "With your own Kysely instance, also say which dialect it speaks: dialect: 'sqlite' or 'postgres'.",
    'store.schema-sqlite':
      'The schema option is for PostgreSQL only. For SQLite, use tablePrefix to keep tables apart.',
    'store.pg-unreachable':
      'Could not reach PostgreSQL at {host}:{port} ({reason}). Check that the server is running and that the host and port in the URL are right.',
    'store.pg-auth':
      'PostgreSQL at {host}:{port} refused user "{user}" (wrong password or no access). Check the user name and password in the URL.',
    'store.pg-no-database':
      'The database "{database}" does not exist on {host}:{port}. Create it (createdb {database}) or fix the database name in the URL.',
    'store.pg-failed': 'PostgreSQL at {host}:{port} answered with an error: {reason}.',
    'store.sqlite-readonly':
      'The SQLite database {path} cannot be written (read-only file, folder or disk). Check the permissions of the file and its folder, or choose another path.',
    'store.sqlite-cannot-open':
      'The SQLite database {path} cannot be opened ({reason}). Check that the folder exists and can be written, or choose another path.',
    'store.sqlite-not-a-database':
      'The file {path} is not a SQLite database. Point the URL at a new path or at a Rebound database file.',
    'store.sqlite-busy':
      'The SQLite database {path} stayed locked by another process for longer than {timeoutMs} ms. Try again, or check for a stuck process.',
    'store.schema-newer':
      'The database schema is at version {found}, newer than this @rebound/store-sql understands (version {known}). Upgrade @rebound/store-sql, or point the URL at another database.',
  },
  ja: {
    'store.url-invalid':
      'ストアのURL「{url}」の形式が正しくありません。sqlite:./path/to/file.db、sqlite::memory:、postgres://user:password@host:port/database のいずれかを指定してください。',
    'store.options-invalid':
      'createSqlStore には url、kysely（dialect と一緒に）、pool のどれか一つだけを指定してください。（{detail}）',
    'store.kysely-dialect':
      "Kysely のインスタンスを渡すときは、dialect: 'sqlite' または 'postgres' も指定してください。",
    'store.schema-sqlite':
      'schema は PostgreSQL 専用の設定です。SQLite でテーブルを分けるには tablePrefix をお使いください。',
    'store.pg-unreachable':
      'PostgreSQL（{host}:{port}）に接続できませんでした（{reason}）。サーバーが起動しているか、URLのホストとポートが正しいかをご確認ください。',
    'store.pg-auth':
      'PostgreSQL（{host}:{port}）がユーザー「{user}」の接続を受け付けませんでした（パスワードの誤りか権限不足です）。URLのユーザー名とパスワードをご確認ください。',
    'store.pg-no-database':
      'データベース「{database}」が「{host}:{port}」にありません。作成する（createdb {database}）か、URLのデータベース名を直してください。',
    'store.pg-failed': 'PostgreSQL（{host}:{port}）がエラーを返しました: {reason}',
    'store.sqlite-readonly':
      'SQLiteデータベース「{path}」に書き込めません（ファイル、フォルダー、ディスクのいずれかが読み取り専用です）。権限をご確認いただくか、別の場所を指定してください。',
    'store.sqlite-cannot-open':
      'SQLiteデータベース「{path}」を開けませんでした（{reason}）。フォルダーがあり書き込めるかをご確認いただくか、別の場所を指定してください。',
    'store.sqlite-not-a-database':
      'ファイル「{path}」はSQLiteデータベースではありません。新しい場所か、Reboundのデータベースファイルを指定してください。',
    'store.sqlite-busy':
      'SQLiteデータベース「{path}」が{timeoutMs}ミリ秒を超えて他のプロセスにロックされていました。もう一度お試しいただくか、止まったままのプロセスがないかご確認ください。',
    'store.schema-newer':
      'データベースのスキーマはバージョン{found}で、この @rebound/store-sql が扱えるバージョン（{known}）より新しいものです。@rebound/store-sql を更新するか、別のデータベースを指定してください。',
  },
});
export type StoreMessageKey = (typeof storeMessages.keys)[number];
