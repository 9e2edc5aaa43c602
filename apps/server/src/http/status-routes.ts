import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CatalogScenario, Health, HostingInfo, ServerReadiness } from '@ttc/protocol';
import { BUILTIN_SCENARIOS } from '@ttc/sim';
import { Router } from 'express';
import type { SessionRegistry } from '../classroom/session-registry.js';
import type { SessionStore } from '../storage/session-store.js';

/**
 * What the server says about itself: liveness (`/health`), readiness with the database
 * (`/ready`), what the host form needs (`/hosting`) and the scenarios it can run.
 */
export function statusRoutes(options: { staticDir: string; store: SessionStore; registry: SessionRegistry }): Router {
  const { staticDir, store, registry } = options;
  const router = Router();
  const game = (): Health['game'] => (existsSync(join(staticDir, 'index.html')) ? 'built' : 'missing');
  // Scenarios never change while the server runs: the catalog is built once.
  const catalog: CatalogScenario[] = BUILTIN_SCENARIOS.map(({ id, name, description, currency, rounds, ticksPerRound, events }) => ({
    id,
    name,
    description,
    currency,
    rounds,
    ticksPerRound,
    events: events.map((event) => ({ id: event.id, name: event.name, description: event.description })),
  }));

  router.get('/health', (_request, response) => {
    const body: Health = { status: 'ok', game: game() };
    response.json(body);
  });

  /**
   * Ready when the database takes a write (and is still the file the server opened): a proxy or
   * an orchestrator sends no class to a server whose every write would fail. 503 otherwise, with
   * the reason. Sessions set aside at the last start are listed by id for whoever runs the server.
   */
  router.get('/ready', async (_request, response) => {
    const database = await store.checkHealth();
    const seen = { game: game(), sessions: registry.counts(), setAside: [...registry.damaged.keys()] };
    const body: ServerReadiness = database.ok
      ? { status: 'ready', database: 'ok', ...seen }
      : { status: 'unavailable', database: database.problem, ...seen };
    response.status(database.ok ? 200 : 503).json(body);
  });

  router.get('/hosting', (_request, response) => {
    const info: HostingInfo = { passcodeRequired: registry.policy.passcodeRequired, seatsPerSession: registry.limits.seatsPerSession };
    response.json(info);
  });

  router.get('/scenarios', (_request, response) => {
    response.json(catalog);
  });

  return router;
}
