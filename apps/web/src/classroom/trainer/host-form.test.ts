import { hostSettingsSchema } from '@ttc/protocol';
import { describe, expect, it } from 'vitest';
import { HOST_DEFAULTS, type HostFormValues, PACE_CHOICES, playTimeSummary, readHostForm, shortGameNote } from './host-form';

const defaults: HostFormValues = {
  scenarioId: 'agency',
  rounds: '3',
  hoursPerRound: '12',
  teamCount: '4',
  secondsPerHour: String(HOST_DEFAULTS.secondsPerHour),
  botsForEmptyTeams: true,
  seed: '',
};

describe('readHostForm', () => {
  it('turns the defaults into settings the server accepts', () => {
    const result = readHostForm(defaults);
    expect(result).toEqual({
      ok: true,
      settings: { scenarioId: 'agency', rounds: 3, ticksPerRound: 12, teamCount: 4, tickMs: 4000, botsForEmptyTeams: true },
    });
    if (result.ok) expect(hostSettingsSchema.safeParse(result.settings).success).toBe(true);
  });

  it('defaults to 4 s per simulated hour, one of the paces offered', () => {
    expect(HOST_DEFAULTS.secondsPerHour).toBe(4);
    expect(PACE_CHOICES).toContain(HOST_DEFAULTS.secondsPerHour);
  });

  it('keeps a seed when one is given', () => {
    const result = readHostForm({ ...defaults, seed: ' 42 ' });
    expect(result.ok && result.settings.seed).toBe(42);
  });

  it('says what is wrong with each field', () => {
    const result = readHostForm({ ...defaults, scenarioId: '', rounds: '0', hoursPerRound: 'x', teamCount: '9', seed: '-1' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.scenarioId).toBe('Choose a scenario.');
    expect(result.errors.rounds).toBe('The number of rounds must be from 1 to 12.');
    expect(result.errors.hoursPerRound).toMatch(/whole number from 4 to 48/);
    expect(result.errors.teamCount).toBe('The number of teams must be from 1 to 8.');
    expect(result.errors.seed).toMatch(/Leave it empty/);
    expect(result.errors.secondsPerHour).toBeUndefined();
  });

  it('refuses fractions and empty numbers', () => {
    const result = readHostForm({ ...defaults, rounds: '2.5', teamCount: '' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(['rounds', 'teamCount']);
  });
});

describe('shortGameNote', () => {
  it('warns of a game too short for overwork to cost staff, and says nothing from 20 hours in all', () => {
    expect(shortGameNote({ rounds: 2, ticksPerRound: 8 })).toBe(
      'At 16 hours in all, the game may end before overwork costs a team its staff: the lesson shows from 20 hours (2 rounds of 10, say).',
    );
    expect(shortGameNote({ rounds: 1, ticksPerRound: 19 })).toContain('19 hours');
    expect(shortGameNote({ rounds: 2, ticksPerRound: 10 })).toBe('');
    expect(shortGameNote({ rounds: HOST_DEFAULTS.rounds, ticksPerRound: HOST_DEFAULTS.hoursPerRound })).toBe('');
  });
});

describe('playTimeSummary', () => {
  it('tells the trainer how long the play will take', () => {
    expect(playTimeSummary({ rounds: 3, ticksPerRound: 12, tickMs: 3000 })).toBe(
      'About 2 min of play (3 rounds of 36 s), plus planning between rounds.',
    );
    expect(playTimeSummary({ rounds: 1, ticksPerRound: 12, tickMs: 10_000 })).toBe('About 2 min of play (1 round of 2 min).');
  });
});
