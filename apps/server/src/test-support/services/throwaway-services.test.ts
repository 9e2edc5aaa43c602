import { existsSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { freePort } from '../free-port.js';
import { postgresProblem, redisProblem } from './service-probes.js';
import { postgresBinaries, redisServerBinary, startThrowawayPostgres, startThrowawayRedis } from './throwaway-services.js';

/** What `npm test` falls back on when nothing answers at TEST_DATABASE_URL or TEST_REDIS_URL. */
describe('the services the server tests use', () => {
  it('the probes tell a service that answers from an address where nothing does', async () => {
    expect(await postgresProblem(inject('databaseUrl'))).toBeUndefined();
    expect(await redisProblem(inject('redisUrl'))).toBeUndefined();
    const nowhere = await freePort();
    expect(await postgresProblem(`postgres://127.0.0.1:${nowhere}/test`)).toMatch(/ECONNREFUSED/);
    expect(await redisProblem(`redis://127.0.0.1:${nowhere}`)).toMatch(/ECONNREFUSED/);
  });

  it.runIf(postgresBinaries() && redisServerBinary())(
    'a throwaway PostgreSQL and Redis start in a temporary directory on free ports, answer, and are gone once stopped',
    async () => {
      const [postgres, redis] = await Promise.all([startThrowawayPostgres(), startThrowawayRedis()]);
      try {
        expect(postgres.url).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/test$/);
        expect(await postgresProblem(postgres.url)).toBeUndefined();
        expect(await redisProblem(redis.url)).toBeUndefined();
      } finally {
        await postgres.stop();
        await redis.stop();
      }
      expect(await postgresProblem(postgres.url)).toMatch(/ECONNREFUSED/);
      expect(await redisProblem(redis.url)).toMatch(/ECONNREFUSED/);
      expect(existsSync(postgres.directory)).toBe(false);
      expect(existsSync(redis.directory)).toBe(false);
    },
  );
});
