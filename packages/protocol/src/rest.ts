import { z } from 'zod';

// The REST API's answers and its one error body (docs/server.md). Request bodies of the replay
// routes are in replay.ts; the session record in session-log.ts.

/** Every code a REST error carries. */
export const API_ERROR_CODES = [
  'bad-request',
  'too-large',
  'timeout',
  'not-found',
  'internal',
  'forbidden',
  'unknown-session',
  'unknown-note',
  'unknown-link',
  'unknown-replay',
  'link-revoked',
  'session-running',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** The body of every REST error, whatever failed: a code and a sentence a person can act on. */
export const apiErrorSchema = z.strictObject({ error: z.enum(API_ERROR_CODES), message: z.string() });
export type ApiError = z.infer<typeof apiErrorSchema>;

const gameBuilt = z.enum(['built', 'missing']);

/** GET /api/health: the process answers, and whether the game has been built. */
export const healthSchema = z.strictObject({ status: z.literal('ok'), game: gameBuilt });
export type Health = z.infer<typeof healthSchema>;

/** What readiness says either way: the game, the sessions in memory and those set aside at the last start. */
const serverState = {
  game: gameBuilt,
  sessions: z.strictObject({ lobby: z.int(), running: z.int(), ended: z.int() }),
  /** Sessions set aside at the last start because their log no longer replays. */
  setAside: z.array(z.string()),
};

/** GET /api/ready: 200 when the database takes writes, 503 with the reason otherwise. */
export const serverReadinessSchema = z.union([
  z.strictObject({ status: z.literal('ready'), database: z.literal('ok'), ...serverState }),
  z.strictObject({ status: z.literal('unavailable'), database: z.string(), ...serverState }),
]);
export type ServerReadiness = z.infer<typeof serverReadinessSchema>;

/**
 * GET /api/hosting: what the host form needs to know before it sends `host`. When
 * `passcodeRequired` is true the server refuses a `host` message without the trainer passcode
 * (`bad-passcode`).
 */
export const hostingInfoSchema = z.strictObject({
  passcodeRequired: z.boolean(),
  /** The most learners one session seats. */
  seatsPerSession: z.int(),
});
export type HostingInfo = z.infer<typeof hostingInfoSchema>;

const catalogEventSchema = z.strictObject({ id: z.string(), name: z.string(), description: z.string() });
export type CatalogEvent = z.infer<typeof catalogEventSchema>;

/** One scenario the server runs, as the host form offers it and the console lists its events. */
export const catalogScenarioSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  currency: z.string(),
  rounds: z.int(),
  ticksPerRound: z.int(),
  events: z.array(catalogEventSchema),
});
export type CatalogScenario = z.infer<typeof catalogScenarioSchema>;

/** GET /api/scenarios. */
export const scenarioCatalogSchema = z.array(catalogScenarioSchema);

/** One row of a class's results: a team (or a benchmark) in one round. Money in the scenario's currency, not cents. */
export const resultRowSchema = z.strictObject({
  kind: z.enum(['team', 'benchmark']),
  /** Team number as people say it (1, 2, …); empty for a benchmark. */
  team: z.union([z.int(), z.literal('')]),
  name: z.string(),
  /** The learners who played the team ("Ada; Grace"), "bot", "nobody", or the benchmark's strategy. */
  players: z.string(),
  round: z.int(),
  /** False for the round the trainer ended early: its figures are where play stopped. */
  roundComplete: z.boolean(),
  /** Simulated hours of operations played in this round. */
  hoursPlayed: z.int(),
  currency: z.string(),
  /** Profit so far (money). */
  profit: z.number(),
  /** This round's revenue and costs (money). */
  revenue: z.number(),
  costs: z.number(),
  /** Average staff exhaustion at the round's end, and over the game so far (the score uses the latter). */
  exhaustion: z.number(),
  exhaustionOverGame: z.number(),
  loyalty: z.number(),
  reputation: z.number(),
  balancedScore: z.number(),
  /** This round's decisions. */
  accommodate: z.int(),
  premium: z.int(),
  option: z.int(),
  no: z.int(),
  ignored: z.int(),
  selfService: z.int(),
  complaints: z.int(),
  staffResigned: z.int(),
  customersActive: z.int(),
});
export type ResultRow = z.infer<typeof resultRowSchema>;

/** GET /api/sessions/:id/results.json: the class's rounds beside the benchmarks on the same seed. */
export const classResultsSchema = z.strictObject({
  sessionId: z.string(),
  joinCode: z.string(),
  scenarioId: z.string(),
  seed: z.int(),
  status: z.enum(['lobby', 'running', 'ended']),
  rounds: z.int(),
  hoursPerRound: z.int(),
  /** The last round reached; the benchmarks play this many rounds, as in the debrief. */
  roundsReached: z.int(),
  /** The trainer ended the class before its last round was over. */
  endedEarly: z.boolean(),
  currency: z.string(),
  teams: z.array(z.strictObject({ team: z.int(), name: z.string(), players: z.array(z.string()), bot: z.boolean() })),
  rows: z.array(resultRowSchema),
});
export type ClassResults = z.infer<typeof classResultsSchema>;
