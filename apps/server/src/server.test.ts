import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiErrorSchema, healthSchema, scenarioCatalogSchema } from '@ttc/protocol';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from './config.js';
import { type AppServer, createServer } from './create-server.js';
import { temporaryDatabase } from './test-support/test-server.js';

const staticDir = mkdtempSync(join(tmpdir(), 'ttc-static-'));
writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Tame the Chaos</title>');
let server: AppServer;
let base: string;

beforeAll(async () => {
  const config = readConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    STATIC_DIR: staticDir,
    LOG_LEVEL: 'silent',
    DATABASE_PATH: temporaryDatabase(),
  });
  if (!config.ok) throw new Error(config.message);
  server = createServer(config.config, pino({ level: 'silent' }));
  base = `http://127.0.0.1:${await server.listen()}`;
});

afterAll(async () => {
  await server.close();
});

describe('the server', () => {
  it('reports its health and whether the game is built', async () => {
    const response = await fetch(`${base}/api/health`);
    expect(response.status).toBe(200);
    expect(healthSchema.parse(await response.json())).toEqual({ status: 'ok', game: 'built' });
  });

  it('lists the shipped scenarios', async () => {
    const scenarios = scenarioCatalogSchema.parse(await (await fetch(`${base}/api/scenarios`)).json());
    expect(scenarios.map((scenario) => scenario.id)).toContain('office-supplies');
  });

  it('serves the game, and the game for any page path', async () => {
    for (const path of ['/', '/solo']) {
      const response = await fetch(`${base}${path}`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<title>Tame the Chaos</title>');
    }
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const response = await fetch(`${base}/api/nope`);
    expect(response.status).toBe(404);
    expect(apiErrorSchema.parse(await response.json())).toMatchObject({ error: 'not-found' });
  });
});

describe('configuration', () => {
  it('refuses a bad port with a clear message', () => {
    const result = readConfig({ PORT: 'eighty' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('PORT');
  });

  it('resolves a relative STATIC_DIR against the working directory (Express serves only absolute paths)', () => {
    const result = readConfig({ STATIC_DIR: 'apps/web/dist' });
    expect(result.ok && result.config.STATIC_DIR).toBe(join(process.cwd(), 'apps/web/dist'));
  });
});
