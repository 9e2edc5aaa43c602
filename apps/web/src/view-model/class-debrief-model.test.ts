import { classroomTeamNames, type SessionLog, sessionLogSchema } from '@ttc/protocol';
import { applyCommand, type Command, createGame, createStrategy, findScenario, type Scenario, type StrategyName, teamView } from '@ttc/sim';
import { describe, expect, it } from 'vitest';
import { classDebriefModel, momentTime, nameList, pickHighlights } from './class-debrief-model';

function scenarioOf(id: string): Scenario {
  const scenario = findScenario(id);
  if (!scenario) throw new Error(`no scenario ${id}`);
  return scenario;
}

const office = scenarioOf('office-supplies');
const SEED = 11;
const ROUNDS = 3;
const TICKS = 10;

/** Who sits in which team; team 2 has nobody, so the server's bot plays it. */
const PLAYERS = [
  { id: 'p-ada', name: 'Ada', team: 0, removed: false },
  { id: 'p-grace', name: 'Grace', team: 0, removed: false },
  { id: 'p-alan', name: 'Alan', team: 1, removed: false },
  { id: 'p-barbara', name: 'Barbara', team: 1, removed: false },
  { id: 'p-gone', name: 'Gone', team: 1, removed: true },
];
const STRATEGIES: StrategyName[] = ['always-accommodate', 'always-no', 'strategist'];

/**
 * A whole classroom session as the server would record it: the learners of teams 1 and 2 take
 * turns deciding (one says yes to everything, the other no), the bot plays team 3, the trainer
 * injects an event into team 2 and moves the class on at each planning phase.
 */
function playedSession(): SessionLog {
  const game = createGame({
    scenario: office,
    seed: SEED,
    teams: 3,
    rounds: ROUNDS,
    ticksPerRound: TICKS,
    teamNames: classroomTeamNames(3),
  });
  const strategies = STRATEGIES.map((name) => createStrategy(name, SEED));
  const entries: SessionLog['entries'] = [];
  const turns = [0, 0, 0];
  const actorFor = (team: number): string => {
    if (team === 2) return 'bot';
    const seated = PLAYERS.filter((player) => player.team === team && !player.removed);
    const turn = turns[team] ?? 0;
    turns[team] = turn + 1;
    return seated[turn % seated.length]?.id ?? 'bot';
  };
  const record = (command: Command, actor: string) => {
    const tick = game.state.globalTick;
    if (applyCommand(game, command).ok) entries.push({ seq: entries.length + 1, tick, actor, command });
  };
  while (game.state.phase !== 'ended') {
    if (game.state.phase === 'operations') {
      if (game.state.round === 1 && game.state.tick === 3)
        record({ type: 'injectEvent', target: 1, eventId: office.events[0]?.id ?? '' }, 'facilitator');
      game.state.teams.forEach((state, team) => {
        const view = state.demands.length > 0 ? teamView(game, team) : undefined;
        if (view) for (const command of strategies[team]?.operate(view, office) ?? []) record(command, actorFor(team));
      });
      record({ type: 'tick' }, 'clock');
    } else {
      game.state.teams.forEach((_, team) => {
        const view = teamView(game, team);
        const planner = actorFor(team);
        if (view) for (const command of strategies[team]?.plan(view, office) ?? []) record(command, planner);
        record({ type: 'commitPlan', team }, planner);
      });
      record({ type: 'startRound' }, 'facilitator');
    }
  }
  return sessionLogSchema.parse({
    sessionId: 'session-1',
    joinCode: 'ABC123',
    scenarioId: office.id,
    seed: SEED,
    settings: {
      scenarioId: office.id,
      rounds: ROUNDS,
      ticksPerRound: TICKS,
      teamCount: 3,
      tickMs: 200,
      botsForEmptyTeams: true,
      seed: SEED,
    },
    status: 'ended',
    createdAt: '2026-11-22T09:00:00.000Z',
    teamNames: classroomTeamNames(3),
    players: PLAYERS,
    entries,
  });
}

const log = playedSession();
const model = classDebriefModel(log, office);

describe('classDebriefModel', () => {
  it('rebuilds every team with its seated learners, or the bot', () => {
    expect(model.ended).toBe(true);
    expect(model.scenarioName).toBe(office.name);
    expect(model.seed).toBe(SEED);
    expect(model.teams.map((team) => team.name)).toEqual(['Team 1', 'Team 2', 'Team 3']);
    expect(model.teams.map((team) => team.players)).toEqual([['Ada', 'Grace'], ['Alan', 'Barbara'], []]);
    expect(model.teams.map((team) => team.control)).toEqual(['players', 'players', 'bot']);
  });

  it('keeps a figure for every hour of the game', () => {
    for (const team of model.teams) {
      expect(team.history).toHaveLength(ROUNDS * TICKS);
      expect(team.history.every((record) => Number.isFinite(record.profitCents) && record.exhaustion >= 0 && record.loyalty >= 0)).toBe(
        true,
      );
    }
  });

  it('counts each team’s decisions the way it played', () => {
    const [yes, no, bot] = model.teams;
    expect(yes?.decisionMix.accommodate).toBeGreaterThan(0);
    expect((yes?.decisionMix.no ?? 0) + (yes?.decisionMix.premium ?? 0)).toBe(0);
    expect(no?.decisionMix.no).toBeGreaterThan(0);
    expect(no?.decisionMix.accommodate).toBe(0);
    expect(bot?.optionsBuilt).toBeGreaterThan(0);
  });

  it('ranks the teams by balanced score, to one decimal', () => {
    const scores = model.standings.map((team) => team.balancedScore);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(model.standings[0]?.rank).toBe(1);
    // Places go by the score as shown, to one decimal.
    const shown = (score: number) => Math.round(score * 10);
    for (const team of model.teams)
      expect(team.rank).toBe(1 + model.teams.filter((other) => shown(other.balancedScore) > shown(team.balancedScore)).length);
  });

  it('plays the six benchmarks on the same seed and game length', () => {
    expect(model.benchmarks.map((row) => row.name).sort()).toEqual([
      'Always accommodate',
      'Always no',
      'Always premium',
      'Idle (did nothing)',
      'Random',
      'Strategist',
    ]);
    for (const row of model.benchmarks) expect(row.history).toHaveLength(ROUNDS * TICKS);
    // Team 3's bot is the strategist on the same customers: it scores exactly like the benchmark.
    expect(model.teams[2]?.balancedScore).toBe(model.benchmarks.find((row) => row.name === 'Strategist')?.balancedScore);
  });

  it('names the learners whose choices led to a team’s first resignation', () => {
    const resignation = model.teams[0]?.moments.find((moment) => moment.kind === 'first-resignation');
    if (!resignation) throw new Error('saying yes to everything should exhaust someone on this seed');
    expect(resignation.when).toMatch(/^End of round \d$/);
    expect(resignation.involved.sort()).toEqual(['Ada', 'Grace']);
    expect(resignation.cause).toMatch(/^accommodated \w+ requests/);
    expect(resignation.subject).toBe(resignation.text.split(' resigned')[0]);
  });

  it('says the bot was involved in a bot team’s moments, and who built an option', () => {
    const bot = model.teams[2];
    expect(bot?.moments.length).toBeGreaterThan(0);
    for (const moment of bot?.moments ?? []) expect(moment.involved).toEqual(['the bot']);
    const live = bot?.moments.find((moment) => moment.kind === 'option-live');
    expect(live?.cause).toBe('put it in the plan');
  });

  it('attributes moments only to the team’s own players, never the removed or another team’s', () => {
    for (const team of model.teams.slice(0, 2)) {
      for (const moment of team.moments) for (const name of moment.involved) expect(team.players).toContain(name);
    }
  });

  it('marks the injected event for the team that got it only', () => {
    expect(model.teams[1]?.moments.some((moment) => moment.kind === 'event' && moment.subject === office.events[0]?.name)).toBe(true);
    expect(model.teams[0]?.moments.some((moment) => moment.kind === 'event' && moment.subject === office.events[0]?.name)).toBe(false);
  });

  it('picks at most six highlights, in the order they happened, starting with a resignation', () => {
    expect(model.highlights.length).toBeGreaterThan(0);
    expect(model.highlights.length).toBeLessThanOrEqual(6);
    const ticks = model.highlights.map((moment) => moment.tick);
    expect(ticks).toEqual([...ticks].sort((a, b) => a - b));
    expect(model.highlights.some((moment) => moment.kind === 'first-resignation')).toBe(true);
  });

  it('writes three discussion prompts, the first about the most telling moment', () => {
    expect(model.prompts).toHaveLength(3);
    expect(new Set(model.prompts).size).toBe(3);
    expect(model.prompts[0]).toMatch(/left Team 1 at the end of round \d, exhausted, after (Ada and Grace|Grace and Ada) accommodated/);
    for (const prompt of model.prompts) expect(prompt).toMatch(/\?$/);
  });

  it('falls back to prompts about the figures when nothing telling happened', () => {
    const early = { ...log, status: 'running' as const, entries: log.entries.slice(0, 4) };
    const quiet = classDebriefModel(early, office, model.benchmarks);
    expect(quiet.ended).toBe(false);
    expect(quiet.highlights).toEqual([]);
    expect(quiet.prompts).toHaveLength(3);
    expect(quiet.prompts[0]).toMatch(/finished first with \d+ points/);
  });

  it('compares a class the trainer ended early with benchmarks over the rounds it reached', () => {
    // The record up to the first planning phase, then ended by the trainer.
    const firstStart = log.entries.findIndex((entry) => entry.command.type === 'startRound');
    const stopped = { ...log, status: 'ended' as const, entries: log.entries.slice(0, firstStart) };
    const early = classDebriefModel(stopped, office);
    expect(early).toMatchObject({ ended: true, finished: false, roundsReached: 1 });
    const ticksPerRound = log.settings.ticksPerRound;
    for (const benchmark of early.benchmarks) expect(benchmark.history).toHaveLength(ticksPerRound);
    expect(model).toMatchObject({ ended: true, finished: true, roundsReached: log.settings.rounds });
  });

  it('gives each team a lesson', () => {
    expect(model.teams[0]?.lesson).toMatch(/^Saying yes to almost everything wore your staff out/);
    for (const team of model.teams) expect(team.lesson.length).toBeGreaterThan(40);
  });

  it('refuses a record that was altered', () => {
    const entries = log.entries.map((entry, index) =>
      index === log.entries.findIndex((candidate) => candidate.command.type === 'decide')
        ? { ...entry, command: { type: 'decide' as const, team: 0, demandId: 99_999, decision: 'no' as const } }
        : entry,
    );
    expect(() => classDebriefModel({ ...log, entries }, office, model.benchmarks)).toThrow(
      /session record is damaged: entry \d+ \(decide\)/,
    );
  });

  it('refuses a record from another scenario', () => {
    expect(() => classDebriefModel(log, scenarioOf('boutique-hotel'), model.benchmarks)).toThrow(/played on "office-supplies"/);
  });
});

describe('helpers', () => {
  it('says when a moment happened', () => {
    expect(momentTime(2, 13, 10)).toEqual({ hour: 4, when: 'Round 2 · Hour 4' });
    expect(momentTime(2, 20, 10)).toEqual({ hour: undefined, when: 'End of round 2' });
  });

  it('lists names as a sentence would', () => {
    expect(nameList([])).toBe('');
    expect(nameList(['Ada'])).toBe('Ada');
    expect(nameList(['Ada', 'Grace'])).toBe('Ada and Grace');
    expect(nameList(['Ada', 'Grace', 'Alan'])).toBe('Ada, Grace and Alan');
  });

  it('shows one moment of each kind before a second of any', () => {
    const base = {
      teamName: 'Team 1',
      round: 1,
      hour: 1,
      when: 'Round 1 · Hour 1',
      text: '',
      involved: [],
      cause: '',
      subject: '',
      byLearners: true,
    };
    const moments = [
      { ...base, team: 0, kind: 'complaint-storm' as const, tick: 1 },
      { ...base, team: 1, kind: 'complaint-storm' as const, tick: 2 },
      { ...base, team: 0, kind: 'cash-crisis' as const, tick: 5 },
      { ...base, team: 0, kind: 'first-resignation' as const, tick: 9 },
    ];
    const picked = pickHighlights(moments, 3);
    expect(picked.map((moment) => moment.kind)).toEqual(['complaint-storm', 'cash-crisis', 'first-resignation']);
    expect(pickHighlights(moments, 6)).toHaveLength(4);
  });

  it('prefers a learners’ team to a bot’s and skips a moment just like one already shown', () => {
    const base = { round: 1, hour: 4, when: 'Round 1 · Hour 4', text: '', involved: ['the bot'], cause: 'said no', subject: '' };
    const moments = [
      { ...base, team: 2, teamName: 'Team 3', kind: 'complaint-storm' as const, tick: 3, byLearners: false },
      { ...base, team: 3, teamName: 'Team 4', kind: 'complaint-storm' as const, tick: 3, byLearners: false },
      { ...base, team: 1, teamName: 'Team 2', kind: 'complaint-storm' as const, tick: 7, byLearners: true, involved: ['Alan'] },
    ];
    const picked = pickHighlights(moments);
    expect(picked.map((moment) => moment.teamName)).toEqual(['Team 3', 'Team 2']);
    expect(pickHighlights(moments, 1).map((moment) => moment.teamName)).toEqual(['Team 2']);
  });
});
