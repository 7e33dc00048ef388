export {
  DEFAULT_TEST_POSTGRES_URL,
  startTestPostgres,
  type TestDatabase,
  type TestPostgres,
} from './postgres';
