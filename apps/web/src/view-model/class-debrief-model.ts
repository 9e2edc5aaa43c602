import { replaySessionLog, roundsReachedIn, type SessionLog, SessionRecordError } from '@ttc/protocol';
import {
  type DecisionCounts,
  type Game,
  type KeyMomentKind,
  type Resolution,
  type Scenario,
  STRATEGY_LABELS,
  type TickRecord,
} from '@ttc/sim';
import { hourOfRound } from './board-view';
import { lessonFor } from './debrief-lesson';
import { benchmarkRows, type DebriefRow, rowOf } from './debrief-model';

// The class debrief: the whole session rebuilt from its record, so that every chart, moment and
// prompt comes from what the simulation did, and who did what comes from the record's actors.

/** Who played a team: learners, the server's bot (an empty team), or nobody at all. */
export type TeamControl = 'players' | 'bot' | 'nobody';

export interface ClassTeam {
  index: number;
  name: string;
  /** The seated learners (removed ones are left out). */
  players: string[];
  control: TeamControl;
  history: TickRecord[];
  profitCents: number;
  /** Mean staff exhaustion over the game, 0..100. */
  exhaustion: number;
  loyalty: number;
  balancedScore: number;
  staffLost: number;
  decisionMix: DecisionCounts;
  optionsBuilt: number;
  /** 1 = best balanced score; teams with the same score to one decimal share a place. */
  rank: number;
  moments: ClassMoment[];
  /** One paragraph on how this team's game went against the strategist. */
  lesson: string;
}

export interface ClassMoment {
  team: number;
  teamName: string;
  kind: KeyMomentKind;
  round: number;
  /** 1-based hour of the round, or undefined for a moment at the round's end. */
  hour: number | undefined;
  /** "Round 2, hour 5" or "End of round 2". */
  when: string;
  /** Global tick, for ordering. */
  tick: number;
  /** The simulation's own sentence for the moment. */
  text: string;
  /** Names of the learners whose choices led up to it; the team's members or "the bot" when none. */
  involved: string[];
  /** What those choices were, e.g. "said no to three requests from key accounts". */
  cause: string;
  /** What the moment is about: the event's or the option's name, or who resigned. */
  subject: string;
  /** The team was played by learners (not the bot): their moments make the better discussion. */
  byLearners: boolean;
}

export interface ClassDebrief {
  sessionId: string;
  scenarioName: string;
  currency: string;
  seed: number;
  rounds: number;
  ticksPerRound: number;
  /** The session is over (a trainer may open the record while it runs). */
  ended: boolean;
  /** The game was played to its last round (a trainer may end a class early). */
  finished: boolean;
  /** The last round reached: the benchmarks play this many rounds. */
  roundsReached: number;
  /** In team order (Team 1, Team 2, …). */
  teams: ClassTeam[];
  /** The same teams, best first. */
  standings: ClassTeam[];
  /** The benchmark strategies on the same scenario, seed, round length and rounds reached. */
  benchmarks: DebriefRow[];
  /** The most telling moments across the class, in the order they happened (at most six). */
  highlights: ClassMoment[];
  /** Three questions a trainer can read aloud. */
  prompts: string[];
}

/** One resolved request during the replay, with the learner who decided it. */
interface DecisionNote {
  team: number;
  tick: number;
  round: number;
  /** A player's name, "the bot", or undefined when the request ran out of patience. */
  actor: string | undefined;
  resolution: Resolution;
  segment: string;
  complaint: boolean;
}

const MAX_HIGHLIGHTS = 6;
/** How many hours before a moment count as leading up to it. */
const LEAD_UP_TICKS = 3;

/** The kinds a class discussion gains most from, most telling first. */
const HIGHLIGHT_PRIORITY: KeyMomentKind[] = [
  'first-resignation',
  'complaint-storm',
  'broken-promise',
  'option-live',
  'cash-crisis',
  'exhaustion-high',
  'event',
  'resignation',
];

const VERBS: Record<Resolution, string> = {
  accommodate: 'accommodated',
  premium: 'charged a premium to',
  option: 'offered an option to',
  no: 'said no to',
  ignored: 'left unanswered',
};

/** When a moment happened, numbered as the console and the replay number hours: "Round 2 · Hour 5". */
export function momentTime(round: number, tick: number, ticksPerRound: number): { hour: number | undefined; when: string } {
  const done = tick - (round - 1) * ticksPerRound;
  if (done >= ticksPerRound) return { hour: undefined, when: `End of round ${round}` };
  const hour = hourOfRound(done, ticksPerRound);
  return { hour, when: `Round ${round} · Hour ${hour}` };
}

/** "Ada", "Ada and Grace", "Ada, Grace and Alan". */
export function nameList(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Small counts in words, as they are read aloud: "three", but "42". */
function numberWord(count: number): string {
  return ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'][count] ?? String(count);
}

function countWord(count: number, noun: string): string {
  return `${numberWord(count)} ${noun}${count === 1 ? '' : 's'}`;
}

function unique(values: readonly (string | undefined)[]): string[] {
  return [...new Set(values.filter((value): value is string => !!value))];
}

/** "said no to three requests (Regulars, Key accounts)": the commonest answer among the notes. */
function describeChoices(notes: readonly DecisionNote[]): string {
  if (notes.length === 0) return '';
  const counts = new Map<Resolution, number>();
  for (const note of notes) counts.set(note.resolution, (counts.get(note.resolution) ?? 0) + 1);
  const [[resolution, count], second] = [...counts.entries()].sort((a, b) => b[1] - a[1]) as [
    [Resolution, number],
    ...[Resolution, number][],
  ];
  const segments = unique(notes.filter((note) => note.resolution === resolution).map((note) => note.segment));
  const from = segments.length > 0 && segments.length <= 3 ? ` from ${nameList(segments.map((segment) => segment.toLowerCase()))}` : '';
  // The runner-up answer too, so "said no to two" does not hide the third request of a storm.
  const also = second ? `, and ${VERBS[second[0]]} ${numberWord(second[1])} more` : '';
  return `${VERBS[resolution]} ${countWord(count, 'request')}${from}${also}`;
}

interface Replay {
  game: Game;
  notes: DecisionNote[];
  /** Per team, per category id: who put the option in the plan. */
  builders: Map<string, string>[];
}

/**
 * Replays the record on a fresh game. Every entry was accepted once, so one that no longer
 * applies means the record was altered or damaged: the replay stops with a clear error.
 */
function replay(log: SessionLog, scenario: Scenario): Replay {
  const names = new Map(log.players.map((player) => [player.id, player.name]));
  const actorName = (actor: string): string => (actor === 'bot' ? 'the bot' : (names.get(actor) ?? actor));
  const notes: DecisionNote[] = [];
  const builders: Map<string, string>[] = Array.from({ length: log.settings.teamCount }, () => new Map<string, string>());
  try {
    const game = replaySessionLog(log, scenario, ({ command, outcomes, game: played, before }, entry) => {
      if (command.type === 'buildOption') builders[command.team]?.set(command.category, actorName(entry.actor));
      for (const outcome of outcomes) {
        if (outcome.kind !== 'decision') continue;
        const customer = played.state.teams[outcome.team]?.customers[outcome.customerId];
        notes.push({
          team: outcome.team,
          tick: entry.tick,
          round: before.round,
          actor: command.type === 'decide' ? actorName(entry.actor) : undefined,
          resolution: outcome.resolution,
          segment: scenario.segments[customer?.segment ?? -1]?.name ?? 'customers',
          complaint: outcome.complaint,
        });
      }
    });
    return { game, notes, builders };
  } catch (error) {
    if (!(error instanceof SessionRecordError)) throw error;
    const { entry, reason } = error;
    throw new Error(`The session record is damaged: entry ${entry.seq} (${entry.command.type}) does not apply (${reason}).`);
  }
}

interface TeamPeople {
  players: string[];
  control: TeamControl;
}

function fallbackInvolved(people: TeamPeople): string[] {
  if (people.control === 'bot') return ['the bot'];
  return people.players;
}

/** Who was involved in a moment, and what they did, from the decisions that led up to it. */
function explainMoment(
  kind: KeyMomentKind,
  team: number,
  round: number,
  tick: number,
  text: string,
  replayed: Replay,
  people: TeamPeople,
): { involved: string[]; cause: string } {
  const own = replayed.notes.filter((note) => note.team === team && note.tick <= tick);
  let leadUp: DecisionNote[];
  if (kind === 'complaint-storm') {
    // The storm is the latest three complaints (they may straddle a round's end): the answers that drew them.
    leadUp = own.filter((note) => note.complaint).slice(-3);
  } else if (kind === 'first-resignation' || kind === 'resignation' || kind === 'exhaustion-high') {
    // Exhaustion builds over the round from the work the team took on.
    leadUp = own.filter((note) => note.round === round && (note.resolution === 'accommodate' || note.resolution === 'premium'));
  } else if (kind === 'event') {
    // An event comes from outside (the scenario or the trainer): the whole team faced it.
    return { involved: fallbackInvolved(people), cause: '' };
  } else if (kind === 'option-live') {
    const category = replayed.game.scenario.categories.find((candidate) => text.includes(`"${candidate.name}"`));
    const builder = category && replayed.builders[team]?.get(category.id);
    return { involved: builder ? [builder] : fallbackInvolved(people), cause: builder ? 'put it in the plan' : '' };
  } else {
    leadUp = own.filter((note) => note.tick >= tick - LEAD_UP_TICKS);
  }
  const deciders = unique(leadUp.map((note) => note.actor));
  return {
    involved: deciders.length > 0 ? deciders : fallbackInvolved(people),
    cause: describeChoices(leadUp.filter((note) => note.actor !== undefined || kind === 'complaint-storm')),
  };
}

/** Most telling kind first; for one kind, a learners' team before a bot's, then the earliest. */
function byImportance(a: ClassMoment, b: ClassMoment): number {
  return (
    HIGHLIGHT_PRIORITY.indexOf(a.kind) - HIGHLIGHT_PRIORITY.indexOf(b.kind) ||
    Number(b.byLearners) - Number(a.byLearners) ||
    a.tick - b.tick ||
    a.team - b.team
  );
}

/** A team's most telling moments, in the order they happened. */
export function mostTelling(moments: readonly ClassMoment[], limit: number): ClassMoment[] {
  return [...moments]
    .sort(byImportance)
    .slice(0, limit)
    .sort((a, b) => a.tick - b.tick);
}

/**
 * The class's most telling moments: one of each important kind first, then more from teams not
 * yet shown (a moment just like one already shown, as two bots make, tells nothing new).
 */
export function pickHighlights(moments: readonly ClassMoment[], limit = MAX_HIGHLIGHTS): ClassMoment[] {
  const byPriority = [...moments].sort(byImportance);
  const picked: ClassMoment[] = [];
  const kinds = new Set<KeyMomentKind>();
  for (const moment of byPriority) {
    if (picked.length >= limit) break;
    if (kinds.has(moment.kind) || (moment.kind === 'resignation' && kinds.has('first-resignation'))) continue;
    kinds.add(moment.kind);
    picked.push(moment);
  }
  const teams = () => new Set(picked.map((moment) => moment.team));
  for (const moment of byPriority) {
    if (picked.length >= limit) break;
    const repeat = picked.some((shown) => shown.kind === moment.kind && shown.tick === moment.tick && shown.cause === moment.cause);
    if (!picked.includes(moment) && !repeat && !teams().has(moment.team) && moment.kind !== 'event') picked.push(moment);
  }
  return picked.sort((a, b) => a.tick - b.tick || a.team - b.team);
}

/** The name a moment is about, taken from the simulation's sentence for it. */
function subjectOf(kind: KeyMomentKind, text: string, scenario: Scenario): string {
  if (kind === 'event') return scenario.events.find((event) => text.startsWith(`${event.name}:`))?.name ?? text;
  if (kind === 'option-live') return /"([^"]+)"/.exec(text)?.[1] ?? 'a standard option';
  if (kind === 'first-resignation' || kind === 'resignation') return text.split(' resigned')[0] ?? 'A member of staff';
  return '';
}

/**
 * The order to ask about the highlights: one question per kind of moment before a second of any
 * kind, learners' teams before the bot's, the most telling kind first.
 */
function promptOrder(highlights: readonly ClassMoment[]): ClassMoment[] {
  const sorted = [...highlights].sort(byImportance);
  const firsts = sorted.filter((moment, index) => sorted.findIndex((other) => other.kind === moment.kind) === index);
  return [...firsts, ...sorted.filter((moment) => !firsts.includes(moment))];
}

function who(moment: ClassMoment): string {
  return nameList(moment.involved);
}

/** A question about one moment, worded to be read aloud. */
function promptFor(moment: ClassMoment): string {
  const { teamName, cause, subject } = moment;
  const at = moment.hour === undefined ? `at the end of round ${moment.round}` : `in round ${moment.round}, hour ${moment.hour}`;
  switch (moment.kind) {
    case 'complaint-storm':
      return cause
        ? `${teamName}'s complaint storm ${at} came after ${who(moment)} ${cause}. What would you have offered instead?`
        : `${teamName} had a complaint storm ${at}. Which requests were left waiting, and what would you have offered?`;
    case 'first-resignation':
    case 'resignation':
      return cause
        ? `${subject} left ${teamName} ${at}, exhausted, after ${who(moment)} ${cause} that round. Which of those would you have turned into an option or a gentle no?`
        : `${subject} left ${teamName} ${at}, exhausted. What would you have changed in that round's plan to keep them?`;
    case 'option-live':
      return `${teamName}'s option "${subject}" went live ${at}${moment.cause ? ` (${who(moment)} put it in the plan)` : ''}. How did it change the requests they had to handle one by one?`;
    case 'cash-crisis':
      return `${teamName} went into overdraft ${at}${cause ? `, after ${who(moment)} ${cause}` : ''}. What was the money going on, and what would you have cut or charged for first?`;
    case 'exhaustion-high':
      return `${teamName}'s staff passed 70 average exhaustion ${at}${cause ? ` after ${who(moment)} ${cause}` : ''}. What were the early signs, and when would you have given them rest?`;
    case 'broken-promise':
      return `${teamName} first broke a promise ${at}: work promised was not done in time. How much had ${who(moment)} promised by then, and what would you have declined or turned into an option?`;
    case 'event':
      return `"${subject}" hit ${teamName} ${at}. How did ${who(moment)} respond, and what would you do differently now?`;
  }
}

function decidedShare(mix: DecisionCounts, ...kinds: (keyof DecisionCounts)[]): number {
  const total = mix.accommodate + mix.premium + mix.option + mix.no + mix.ignored;
  return total === 0 ? 0 : kinds.reduce((sum, kind) => sum + mix[kind], 0) / total;
}

/** Questions from the figures and the decision mix, for a session with few key moments. */
function figurePrompts(standings: readonly ClassTeam[], benchmarks: readonly DebriefRow[]): string[] {
  const prompts: string[] = [];
  const top = standings[0];
  const strategist = benchmarks.find((row) => row.name === 'Strategist');
  if (top && strategist) {
    prompts.push(
      top.balancedScore >= strategist.balancedScore
        ? `${top.name} finished first with ${Math.round(top.balancedScore)} points, level with or ahead of the strategist benchmark (${Math.round(strategist.balancedScore)}) on the same customers. What did they do that the other teams did not?`
        : `${top.name} finished first with ${Math.round(top.balancedScore)} points; the strategist benchmark scored ${Math.round(strategist.balancedScore)} on the same customers. Where did the difference come from?`,
    );
  }
  const yes = [...standings].sort((a, b) => decidedShare(b.decisionMix, 'accommodate') - decidedShare(a.decisionMix, 'accommodate'))[0];
  const no = [...standings].sort((a, b) => decidedShare(b.decisionMix, 'no', 'ignored') - decidedShare(a.decisionMix, 'no', 'ignored'))[0];
  if (yes && no && yes !== no) {
    prompts.push(
      `${yes.name} accommodated ${Math.round(decidedShare(yes.decisionMix, 'accommodate') * 100)}% of requests and ended with exhaustion ${Math.round(yes.exhaustion)}; ${no.name} declined or missed ${Math.round(decidedShare(no.decisionMix, 'no', 'ignored') * 100)}% and ended with loyalty ${Math.round(no.loyalty)}. Where is the balance between the two?`,
    );
  }
  const builders = standings.filter((team) => team.optionsBuilt > 0);
  prompts.push(
    builders.length === 0
      ? 'No team built a standard option. Which requests came back often enough, from customers who matter, to deserve one?'
      : `${nameList(builders.map((team) => team.name))} built standard options. Which requests came back often enough to deserve one, and which should have stayed one-offs?`,
  );
  prompts.push('Which single decision in your team would you take back, and what did it cost in profit, exhaustion or loyalty?');
  return prompts;
}

/** Everything the class debrief shows, from a session record and its scenario. */
export function classDebriefModel(log: SessionLog, scenario: Scenario, benchmarks?: DebriefRow[]): ClassDebrief {
  const replayed = replay(log, scenario);
  const { game } = replayed;
  const { ticksPerRound } = game.state.config;
  // A class the trainer ended early is compared with benchmarks over the rounds it reached.
  const finished = game.state.phase === 'ended';
  const roundsReached = roundsReachedIn(game);
  const rows = benchmarks ?? benchmarkRows(game, roundsReached);
  const strategist = rows.find((row) => row.name === STRATEGY_LABELS.strategist);
  const idle = rows.find((row) => row.name === STRATEGY_LABELS.idle);

  const teams: ClassTeam[] = game.state.teams.map((state, index) => {
    const players = log.players.filter((player) => player.team === index && !player.removed).map((player) => player.name);
    const control: TeamControl = players.length > 0 ? 'players' : log.settings.botsForEmptyTeams ? 'bot' : 'nobody';
    const moments = state.keyMoments.map((moment): ClassMoment => {
      const time = momentTime(moment.round, moment.tick, ticksPerRound);
      return {
        team: index,
        teamName: state.name,
        kind: moment.kind,
        round: moment.round,
        tick: moment.tick,
        text: moment.text,
        subject: subjectOf(moment.kind, moment.text, scenario),
        byLearners: control === 'players',
        ...time,
        ...explainMoment(moment.kind, index, moment.round, moment.tick, moment.text, replayed, { players, control }),
      };
    });
    const row = rowOf(game, state.name, false, index);
    return {
      index,
      name: state.name,
      players,
      control,
      history: state.history,
      profitCents: row.profitCents,
      exhaustion: row.exhaustion,
      loyalty: row.loyalty,
      balancedScore: row.balancedScore,
      staffLost: row.staffLost,
      decisionMix: { ...state.decisions },
      optionsBuilt: state.options.length,
      rank: 0,
      moments,
      lesson: lessonFor({
        you: row,
        strategist,
        idle,
        mix: state.decisions,
        optionsBuilt: state.options.length,
        brokenPromises: state.brokenPromises,
        currency: scenario.currency,
      }),
    };
  });
  // Places go by the score as shown (one decimal): teams a hundredth apart share a place.
  const shown = (team: ClassTeam) => Math.round(team.balancedScore * 10);
  for (const team of teams) team.rank = 1 + teams.filter((other) => shown(other) > shown(team)).length;
  const standings = [...teams].sort((a, b) => a.rank - b.rank || b.balancedScore - a.balancedScore || a.index - b.index);

  const highlights = pickHighlights(teams.flatMap((team) => team.moments));
  const prompts = unique([...promptOrder(highlights).map(promptFor), ...figurePrompts(standings, rows)]).slice(0, 3);

  return {
    sessionId: log.sessionId,
    scenarioName: scenario.name,
    currency: scenario.currency,
    seed: log.seed,
    rounds: game.state.config.rounds,
    ticksPerRound,
    ended: log.status === 'ended',
    finished,
    roundsReached,
    teams,
    standings,
    benchmarks: rows,
    highlights,
    prompts,
  };
}
