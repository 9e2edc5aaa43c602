import { type CatalogScenario, scenarioCatalogSchema } from '@ttc/protocol';
import { callApi } from '../rest-client';

// The scenarios the classroom server can run (GET /api/scenarios): the host form offers them
// and the console lists their events.

let pending: Promise<CatalogScenario[]> | undefined;

/** The server's scenarios, fetched once per page; a failed fetch is tried again next time. */
export function loadScenarioCatalog(): Promise<CatalogScenario[]> {
  pending ??= callApi('/api/scenarios', scenarioCatalogSchema).catch((error: unknown) => {
    pending = undefined;
    throw error;
  });
  return pending;
}
