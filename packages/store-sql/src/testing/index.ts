export {
  DEFAULT_TEST_POSTGRES_URL,
  startTestPostgres,
  startThrowawayPostgres,
  type TestDatabase,
  type TestPostgres,
} from './postgres';
