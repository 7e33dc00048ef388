import { runStoreContract, runUseCaseIdempotencyContract } from '@rebound/core/testing';
import { describe, expect, it } from 'vitest';
import { postgresStores, sqliteFileStores, sqliteMemoryStores, usePostgresDatabase, useTempDir } from './helpers';

const dir = useTempDir();
const database = usePostgresDatabase();

runStoreContract({ describe, it, expect }, sqliteMemoryStores);
runStoreContract({ describe, it, expect }, sqliteFileStores(dir));
runStoreContract({ describe, it, expect }, postgresStores(database));
runUseCaseIdempotencyContract({ describe, it, expect }, sqliteFileStores(dir));
runUseCaseIdempotencyContract({ describe, it, expect }, postgresStores(database));
