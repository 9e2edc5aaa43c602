import { afterAll, describe, expect, it } from 'vitest';
import { StartupError } from '../startup-error.js';
import { freePort } from '../test-support/free-port.js';
import { TemporarySchemas } from '../test-support/postgres-schemas.js';
import { isNumberedInOrder } from './migrations.js';
import { POSTGRES_MIGRATIONS } from './postgres-migrations.js';
import { PostgresSessionStore } from './postgres-session-store.js';
import { sessionStoreContract } from './session-store-contract.js';
import { session, tickEntry } from './session-store-fixtures.js';

const schemas = new TemporarySchemas();
afterAll(() => schemas.dropAll());

async function openStore(schema: string, url = schemas.url): Promise<PostgresSessionStore> {
  const store = new PostgresSessionStore({ ...schemas.settings(schema), url });
  await store.open();
  return store;
}

sessionStoreContract(
  'PostgreSQL',
  async () => {
    const schema = await schemas.create();
    return { store: await openStore(schema), reopen: () => openStore(schema) };
  },
  { leases: true },
);

describe('PostgreSQL schema migrations', () => {
  it('numbers its steps 1, 2, 3… and records each once, however many processes start at once', async () => {
    expect(isNumberedInOrder(POSTGRES_MIGRATIONS)).toBe(true);
    // The store makes the schema itself when it is missing.
    const schema = await schemas.create(false);
    const stores = await Promise.all([openStore(schema), openStore(schema), openStore(schema)]);
    const recorded = await schemas.admin(
      async (client) => (await client.query(`SELECT version, name FROM ${schema}.schema_migrations ORDER BY version`)).rows,
    );
    expect(recorded).toEqual(POSTGRES_MIGRATIONS.map(({ version, name }) => ({ version, name })));
    const leaseColumns = await schemas.admin(
      async (client) =>
        (
          await client.query(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'session_leases' ORDER BY ordinal_position",
            [schema],
          )
        ).rows,
    );
    expect(leaseColumns.map((row) => row.column_name)).toEqual(['session_id', 'owner', 'epoch', 'expires_at']);
    for (const store of stores) await store.close();
  });

  it('a schema that a newer version has migrated stops the start, saying what to do', async () => {
    const schema = await schemas.create();
    await (await openStore(schema)).close();
    await schemas.admin((client) => client.query(`INSERT INTO ${schema}.schema_migrations (version, name) VALUES (99, 'from the future')`));
    const opening = openStore(schema);
    await expect(opening).rejects.toBeInstanceOf(StartupError);
    await expect(opening).rejects.toThrow(/has schema version 99, newer than this version .* knows \(1\).*restore the backup/);
  });

  it("a schema holding another application's tables is refused with a message naming the schema", async () => {
    const schema = await schemas.create();
    await schemas.admin((client) => client.query(`CREATE TABLE ${schema}.sessions (name text)`));
    const opening = openStore(schema);
    await expect(opening).rejects.toThrow(new RegExp(`refused the schema "${schema}" \\(relation "sessions" already exists`));
    // The failed step left nothing behind: not even its record.
    const tables = await schemas.admin(
      async (client) => (await client.query('SELECT table_name FROM information_schema.tables WHERE table_schema = $1', [schema])).rows,
    );
    expect(tables.map((row) => row.table_name).sort()).toEqual(['sessions']);
  });
});

describe('a PostgreSQL the server cannot use at start', () => {
  it('nothing answers at the address: the start stops, naming where it looked (never the password)', async () => {
    const url = `postgres://trainer:s3cret@127.0.0.1:${await freePort()}/classes`;
    const opening = openStore(await schemas.create(false), url);
    await expect(opening).rejects.toBeInstanceOf(StartupError);
    await expect(opening).rejects.toThrow(
      /^PostgreSQL at trainer@127\.0\.0\.1:\d+\/classes cannot be reached \(.*ECONNREFUSED.*\)\. Check that it runs/,
    );
    await expect(opening).rejects.not.toThrow(/s3cret/);
  });

  it('a database that does not exist: the start stops, saying to create it', async () => {
    const url = new URL(schemas.url);
    url.pathname = '/ttc_no_such_database';
    await expect(openStore('public', url.toString())).rejects.toThrow(/the database does not exist .*Create it \(createdb\)/);
  });
});

describe('the PostgreSQL store at work', () => {
  it('reports its health, and an unhealthy store once closed', async () => {
    const store = await openStore(await schemas.create());
    expect(await store.checkHealth()).toEqual({ ok: true });
    await store.close();
    expect(await store.checkHealth()).toMatchObject({ ok: false, problem: expect.stringMatching(/^PostgreSQL at .* closed/) });
  });

  it('keeps a command exactly as it was written, key order and all', async () => {
    const store = await openStore(await schemas.create());
    await store.createSession(session('s'));
    const command = { type: 'decide', team: 1, demandId: 12, decision: 'option', optionId: 'express' } as const;
    await store.appendLog('s', [{ seq: 1, tick: 4, command, actor: 'p-1' }]);
    const [entry] = await store.readLog('s');
    expect(JSON.stringify(entry?.command)).toBe(JSON.stringify(command));
    await store.appendLog('s', [tickEntry(2)]);
    expect((await store.readLog('s')).map((logged) => logged.seq)).toEqual([1, 2]);
    await store.close();
  });
});
