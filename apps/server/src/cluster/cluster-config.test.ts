import { describe, expect, it } from 'vitest';
import { readConfig } from '../config.js';
import { clusterSettings } from './cluster-node.js';

const message = (env: NodeJS.ProcessEnv) => {
  const result = readConfig(env);
  return result.ok ? '' : result.message;
};

describe('the settings of several processes', () => {
  it('need both DATABASE_URL and REDIS_URL; either alone leaves the single process as it was', () => {
    expect(message({ REDIS_URL: 'redis://127.0.0.1:6379' })).toMatch(
      /REDIS_URL: several processes share their classes through PostgreSQL: set DATABASE_URL too/,
    );
    const postgresOnly = readConfig({ DATABASE_URL: 'postgres://db/classes' });
    expect(postgresOnly.ok && clusterSettings(postgresOnly.config)).toBeUndefined();
    const sqlite = readConfig({});
    expect(sqlite.ok && clusterSettings(sqlite.config)).toBeUndefined();
    const both = readConfig({
      DATABASE_URL: 'postgres://db/classes',
      DATABASE_SCHEMA: 'school_a',
      REDIS_URL: 'rediss://r.example.org:6380',
      PROCESS_ID: 'web-1',
    });
    expect(both.ok && clusterSettings(both.config)).toEqual({
      redisUrl: 'rediss://r.example.org:6380',
      leaseMs: 5000,
      prefix: 'ttc:school_a',
      processId: 'web-1',
    });
  });

  it('refuse a Redis address of another kind without repeating its password, a lease out of bounds and an odd process name', () => {
    const wrong = message({ DATABASE_URL: 'postgres://db/classes', REDIS_URL: 'http://user:s3cret@r.example.org' });
    expect(wrong).toContain('REDIS_URL: a Redis address such as redis://host:6379');
    expect(wrong).not.toContain('s3cret');
    expect(message({ LEASE_MS: '100' })).toMatch(/LEASE_MS/);
    expect(message({ PROCESS_ID: 'web 1; rm' })).toMatch(/PROCESS_ID: letters, digits/);
  });
});
