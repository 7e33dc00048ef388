import { ALLOWED_LATIN_WORDS, catalogJapaneseProblems } from '@rebound/cards/testing';
import { storeMessages } from '@rebound/store-sql';
import { describe, expect, it } from 'vitest';
import { botMessages } from '../src/messages';

describe('Japanese texts of the bot and the SQL store', () => {
  it('bot messages: same keys in both languages, same placeholders, no stray English or half-width problems', () => {
    expect(catalogJapaneseProblems('botMessages', botMessages)).toEqual([]);
  });

  it('store messages (for whoever configures Rebound): the same, with the names of what they configure', () => {
    // These go to an operator, never to a rep: database products, URL parts and option names stay as written.
    const operatorWords = [
      ...ALLOWED_LATIN_WORDS,
      ...['URL', 'PostgreSQL', 'SQLite', 'Kysely', 'createSqlStore', 'createdb', 'url', 'kysely', 'dialect', 'pool'],
      ...['schema', 'tablePrefix', 'sqlite', 'postgres', 'memory', 'user', 'password', 'host', 'port', 'database'],
    ];
    expect(catalogJapaneseProblems('storeMessages', storeMessages, operatorWords)).toEqual([]);
  });
});
