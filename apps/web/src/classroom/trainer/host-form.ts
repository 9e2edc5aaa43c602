import type { HostSettings } from '@ttc/protocol';
import { LESSON_MIN_HOURS } from '@ttc/sim';

// The host form's fields as typed, and what the server would accept: the same limits as the
// protocol's hostSettingsSchema, checked here first so each field gets a message in words.

export interface HostFormValues {
  scenarioId: string;
  rounds: string;
  hoursPerRound: string;
  teamCount: string;
  secondsPerHour: string;
  botsForEmptyTeams: boolean;
  seed: string;
}

export type HostField = keyof HostFormValues;

export const HOST_DEFAULTS = {
  rounds: 3,
  hoursPerRound: 12,
  teamCount: 4,
  // About 2.6 cards an hour reach a team without options, about one with them (docs/playing.md):
  // at 4 s an hour, a person deciding a card every 3–4 s keeps up only once the options are live.
  secondsPerHour: 4,
  botsForEmptyTeams: true,
} as const;

/** Seconds of real time per simulated hour the trainer can pick. */
export const PACE_CHOICES = [1, 2, 3, 4, 5, 10] as const;

const LIMITS = {
  rounds: [1, 12],
  hoursPerRound: [4, 48],
  teamCount: [1, 8],
  seed: [0, 2_147_483_647],
} as const;

export type HostFormResult = { ok: true; settings: HostSettings } | { ok: false; errors: Partial<Record<HostField, string>> };

function wholeNumber(text: string): number | undefined {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : undefined;
}

function inRange(text: string, [min, max]: readonly [number, number], what: string): number | string {
  const value = wholeNumber(text);
  if (value === undefined) return `Enter ${what} as a whole number from ${min} to ${max}.`;
  if (value < min || value > max) return `${what[0]?.toUpperCase()}${what.slice(1)} must be from ${min} to ${max}.`;
  return value;
}

/** Turns the form's values into host settings, or says what is wrong with each field. */
export function readHostForm(values: HostFormValues): HostFormResult {
  const errors: Partial<Record<HostField, string>> = {};
  if (!values.scenarioId) errors.scenarioId = 'Choose a scenario.';
  const rounds = inRange(values.rounds, LIMITS.rounds, 'the number of rounds');
  if (typeof rounds === 'string') errors.rounds = rounds;
  const hours = inRange(values.hoursPerRound, LIMITS.hoursPerRound, 'the round length in simulated hours');
  if (typeof hours === 'string') errors.hoursPerRound = hours;
  const teams = inRange(values.teamCount, LIMITS.teamCount, 'the number of teams');
  if (typeof teams === 'string') errors.teamCount = teams;
  const seconds = Number(values.secondsPerHour);
  if (!Number.isFinite(seconds) || seconds < 0.1 || seconds > 60)
    errors.secondsPerHour = 'Choose a pace between 0.1 and 60 seconds per hour.';
  let seed: number | undefined;
  if (values.seed.trim() !== '') {
    const parsed = inRange(values.seed, LIMITS.seed, 'the seed');
    if (typeof parsed === 'string') errors.seed = `${parsed} Leave it empty for a random one.`;
    else seed = parsed;
  }
  if (typeof rounds === 'string' || typeof hours === 'string' || typeof teams === 'string' || Object.keys(errors).length > 0)
    return { ok: false, errors };
  return {
    ok: true,
    settings: {
      scenarioId: values.scenarioId,
      rounds,
      ticksPerRound: hours,
      teamCount: teams,
      tickMs: Math.round(seconds * 1000),
      botsForEmptyTeams: values.botsForEmptyTeams,
      ...(seed === undefined ? {} : { seed }),
    },
  };
}

/** "About 2 min of play (3 rounds of 36 s), plus planning between rounds." */
export function playTimeSummary(settings: Pick<HostSettings, 'rounds' | 'ticksPerRound' | 'tickMs'>): string {
  const roundMs = settings.ticksPerRound * settings.tickMs;
  const round = durationWords(roundMs);
  const total = durationWords(roundMs * settings.rounds);
  const rounds = settings.rounds === 1 ? '1 round' : `${settings.rounds} rounds`;
  return `About ${total} of play (${rounds} of ${round})${settings.rounds > 1 ? ', plus planning between rounds' : ''}.`;
}

/**
 * A word for the trainer when the game is too short for its lesson to show (staff rarely resign
 * before LESSON_MIN_HOURS simulated hours), or '' when it is long enough.
 */
export function shortGameNote(settings: Pick<HostSettings, 'rounds' | 'ticksPerRound'>): string {
  const hours = settings.rounds * settings.ticksPerRound;
  if (hours >= LESSON_MIN_HOURS) return '';
  return `At ${hours} hours in all, the game may end before overwork costs a team its staff: the lesson shows from ${LESSON_MIN_HOURS} hours (2 rounds of 10, say).`;
}

function durationWords(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 90) return `${seconds} s`;
  return `${Math.round(seconds / 60)} min`;
}
