// Starts the example on http://127.0.0.1:8787 with a SQLite file store. Open /?lang=ja for Japanese.
import { mkdirSync } from 'node:fs';
import { startCheckinServer } from './server';

mkdirSync('.data', { recursive: true });
const server = await startCheckinServer({
  storeUrl: 'sqlite:./.data/web-checkin.db',
  port: Number(process.env.PORT ?? 8787),
});
console.log(`Rebound web check-in example on ${server.url} (Japanese: ${server.url}/?lang=ja)`);
