import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { type PostgresSettings, useOperatingSystemUser } from '../storage/postgres-connect.js';
import { quoteIdentifier } from '../storage/postgres-migrations.js';

/**
 * Schemas of one test file in the test PostgreSQL (TEST_DATABASE_URL, or what the global setup
 * found or started). Each has a new random name, so runs and files never see each other's
 * tables; `dropAll()` at the file's end drops exactly the schemas it made, nothing else.
 */
export class TemporarySchemas {
  readonly url = inject('databaseUrl');
  private readonly created: string[] = [];

  /** Runs `work` on a connection of its own, for what the tests do around the store. */
  async admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
    useOperatingSystemUser();
    const client = new pg.Client({ connectionString: this.url });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  /** A name for a schema that this file owns from now on; made now unless `make` is false (the store then makes it). */
  async create(make = true): Promise<string> {
    const name = `ttc_test_${randomBytes(6).toString('hex')}`;
    this.created.push(name);
    if (make) await this.admin((client) => client.query(`CREATE SCHEMA ${quoteIdentifier(name)}`));
    return name;
  }

  settings(schema: string): PostgresSettings {
    return { url: this.url, schema, poolSize: 4 };
  }

  /** The server's settings for a schema. */
  env(schema: string): Record<string, string> {
    return { DATABASE_URL: this.url, DATABASE_SCHEMA: schema };
  }

  async dropAll(): Promise<void> {
    const names = this.created.splice(0);
    if (names.length === 0) return;
    await this.admin(async (client) => {
      for (const name of names) await client.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(name)} CASCADE`);
    });
  }
}
