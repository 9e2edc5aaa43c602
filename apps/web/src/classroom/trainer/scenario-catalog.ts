import { z } from 'zod';

// The scenarios the classroom server can run, as GET /api/scenarios describes them: the host
// form offers them and the console lists their events. Checked here, at the edge.

const catalogEventSchema = z.object({ id: z.string(), name: z.string(), description: z.string() });

const catalogScenarioSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  currency: z.string(),
  rounds: z.int(),
  ticksPerRound: z.int(),
  events: z.array(catalogEventSchema),
});

export const scenarioCatalogSchema = z.array(catalogScenarioSchema);
export type CatalogScenario = z.infer<typeof catalogScenarioSchema>;
export type CatalogEvent = z.infer<typeof catalogEventSchema>;

let pending: Promise<CatalogScenario[]> | undefined;

/** The server's scenarios, fetched once per page; a failed fetch is tried again next time. */
export function loadScenarioCatalog(): Promise<CatalogScenario[]> {
  pending ??= fetch('/api/scenarios')
    .then(async (response) => {
      if (!response.ok) throw new Error(`the server answered ${response.status}`);
      const parsed = scenarioCatalogSchema.safeParse(await response.json());
      if (!parsed.success) throw new Error('the server sent a scenario list this page cannot read');
      return parsed.data;
    })
    .catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
  return pending;
}
