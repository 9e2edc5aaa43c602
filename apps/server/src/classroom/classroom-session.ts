import {
  boardOf,
  classroomTeamNames,
  type Failure,
  failure,
  failureOfRejection,
  type HostSettings,
  type Plan,
  type ServerMessage,
  TEAM_FEED_LENGTH,
  type TeamFeedEntry,
  type TeamFiguresRow,
} from '@ttc/protocol';
import {
  applyCommand,
  type Command,
  createGame,
  createStrategy,
  type DecisionOutcome,
  type DecisionPreviews,
  type Game,
  type Outcome,
  planCommands,
  previewDecisions,
  type Rejection,
  readAllFigures,
  type Scenario,
  type Strategy,
  teamView,
} from '@ttc/sim';
import type { Logger } from 'pino';
import { checkpointsAfter, sessionEndCheckpoints, watchState } from '../replay/checkpoints.js';
import type { LogEntry, SessionStore, StoredCheckpoint, StoredPlayer, StoredSession } from '../storage/session-store.js';
import type { Broadcaster } from './broadcaster.js';
import { Throttle } from './throttle.js';

// biome-ignore lint/complexity/noBannedTypes: an empty extra payload is the common case
export type Result<T = {}> = ({ ok: true } & T) | Failure;

const BOARD_DELAY_MS = 1000;
/** The lobby goes out at most this often: a burst of joins sends a few rosters, not one per join. */
const LOBBY_INTERVAL_MS = 500;
/** A tick whose log write failed is tried again after this, doubling up to CLOCK_RETRY_MAX_MS. */
const CLOCK_RETRY_FIRST_MS = 500;
const CLOCK_RETRY_MAX_MS = 5000;

interface Pending {
  command: Command;
  actor: string;
}

/**
 * One live classroom session: the authoritative game, its seats and its clock. Every change
 * runs through `serial`, one at a time, and every accepted command is written to the log
 * before anyone hears of it.
 */
export class ClassroomSession {
  readonly id: string;
  readonly joinCode: string;
  readonly facilitatorKeyHash: string;
  readonly settings: HostSettings;
  readonly createdAt: string;
  /** The address that hosted it: the key of the per-address caps. */
  readonly hostAddress: string | undefined;
  status: StoredSession['status'];
  paused: boolean;
  tickMs: number;
  /** Closed to new players by the facilitator. */
  joiningLocked: boolean;
  /** When the session ended in this process (ended sessions leave memory a while later). */
  endedAt: number | undefined;
  game: Game;
  readonly players = new Map<string, StoredPlayer>();
  private seq = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  /** Teams whose board changed since it was last sent; sent together shortly after. */
  private readonly staleBoards = new Set<number>();
  private boardTimer: NodeJS.Timeout | undefined;
  private nextTickAt = 0;
  private readonly bot: Strategy = createStrategy('strategist');
  /** This round's draft plans, per team and player: shown to teammates, never logged. */
  private readonly proposals = new Map<number, Map<string, Extract<ServerMessage, { type: 'planProposed' }>>>();
  /** The player-visible part of the last session message sent to everyone (see publishSession). */
  private sessionPlayersSaw = '';
  private readonly lobbyThrottle = new Throttle(LOBBY_INTERVAL_MS, () => this.sendLobby());
  /** Ticks in a row whose log write failed; the clock retries until one succeeds. */
  private clockFailures = 0;
  /** A failed write left the game ahead of the log and rebuilding it failed too: rebuild before the next change. */
  private needsRebuild = false;
  /** Each team's latest decisions this round, for a member who reloads (see teamFeedMessage). */
  private readonly recentDecisions = new Map<number, TeamFeedEntry[]>();

  constructor(
    stored: StoredSession,
    readonly scenario: Scenario,
    private readonly store: SessionStore,
    private readonly broadcaster: Broadcaster,
    private readonly logger: Logger,
  ) {
    this.id = stored.id;
    this.joinCode = stored.joinCode;
    this.facilitatorKeyHash = stored.facilitatorKeyHash;
    this.settings = stored.settings;
    this.createdAt = stored.createdAt;
    this.hostAddress = stored.hostAddress;
    this.status = stored.status;
    this.paused = stored.paused;
    this.tickMs = stored.tickMs;
    this.joiningLocked = stored.joiningLocked ?? false;
    this.game = this.newGame(stored.seed);
  }

  private newGame(seed: number): Game {
    const { settings } = this;
    return createGame({
      scenario: this.scenario,
      seed,
      teams: settings.teamCount,
      rounds: settings.rounds,
      ticksPerRound: settings.ticksPerRound,
      teamNames: classroomTeamNames(settings.teamCount),
    });
  }

  /** Rebuilds the game from the durable log: used after a restart. */
  async restore(players: StoredPlayer[], log: LogEntry[]): Promise<void> {
    for (const player of players) this.players.set(player.id, player);
    this.replay(log);
    if (this.status === 'running' && !this.paused) this.schedule(true);
  }

  /** Applies a stored log to the current game; every logged command was accepted once and must be again. */
  private replay(log: LogEntry[]): void {
    this.recentDecisions.clear();
    for (const entry of log) {
      const result = applyCommand(this.game, entry.command);
      if (!result.ok) throw new Error(`session ${this.id}: logged command ${entry.seq} no longer applies (${result.rejection.reason})`);
      this.seq = entry.seq;
      // The teams' feeds as they were, so a learner who reloads after a restart still sees them.
      if (entry.command.type === 'startRound') this.recentDecisions.clear();
      const by = entry.actor === 'bot' ? 'bot' : this.players.get(entry.actor)?.name;
      for (const outcome of result.outcomes) if (outcome.kind === 'decision' && by) this.noteDecision(outcome, by);
    }
  }

  /** The refusal for a control that needs a running session, or undefined when it runs. */
  private notRunning(): Failure | undefined {
    if (this.status === 'running') return undefined;
    return failure(this.status === 'ended' ? 'session-ended' : 'wrong-phase', 'The session is not running.');
  }

  /** Runs one change at a time, in arrival order: the server's ordering of commands. */
  serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  seatedPlayers(): StoredPlayer[] {
    return [...this.players.values()].filter((player) => !player.removed);
  }

  botTeams(): number[] {
    if (!this.settings.botsForEmptyTeams) return [];
    const seated = new Set(this.seatedPlayers().map((player) => player.team));
    return Array.from({ length: this.settings.teamCount }, (_, team) => team).filter((team) => !seated.has(team));
  }

  /**
   * Applies commands to the game, logs the accepted ones durably, then returns their outcomes.
   * By default the first refusal stops the batch; `skipRefused` passes over it instead (a bot's
   * choice the game refuses must not hold up the clock).
   */
  private async commit(
    pending: Pending[],
    skipRefused = false,
  ): Promise<{ accepted: Outcome[][]; rejected?: Rejection }> {
    if (this.needsRebuild) await this.rebuild();
    const accepted: Outcome[][] = [];
    const entries: LogEntry[] = [];
    const checkpoints: StoredCheckpoint[] = [];
    let rejected: Rejection | undefined;
    for (const item of pending) {
      const tick = this.game.state.globalTick;
      const watch = watchState(this.game);
      const result = applyCommand(this.game, item.command);
      if (!result.ok) {
        rejected ??= result.rejection;
        if (skipRefused) continue;
        break;
      }
      accepted.push(result.outcomes);
      entries.push({ seq: this.seq + entries.length + 1, tick, command: item.command, actor: item.actor });
      checkpoints.push(...checkpointsAfter(this.game, watch, this.seq + entries.length));
    }
    if (entries.length > 0) {
      try {
        await this.store.appendLog(this.id, entries);
        this.seq += entries.length;
        await this.recordCheckpoints(checkpoints);
      } catch (error) {
        // Nothing is acknowledged that is not stored: go back to what the log says.
        this.logger.error({ err: error, session: this.id }, 'could not append to the log; rebuilding from it');
        await this.rebuild().catch((rebuildError) => {
          this.needsRebuild = true;
          this.logger.error({ err: rebuildError, session: this.id }, 'could not rebuild from the log; will try before the next change');
        });
        throw error;
      }
    }
    return rejected ? { accepted, rejected } : { accepted };
  }

  /** State hashes for replays to be checked against; the log stays the record, so a failed write only loses these. */
  private async recordCheckpoints(checkpoints: StoredCheckpoint[]): Promise<void> {
    if (checkpoints.length === 0) return;
    await this.store
      .appendCheckpoints(this.id, checkpoints)
      .catch((error) => this.logger.warn({ err: error, session: this.id }, 'could not record checkpoints'));
  }

  private async rebuild(): Promise<void> {
    const stored = await this.store.getSession(this.id);
    const log = await this.store.readLog(this.id);
    this.game = this.newGame(stored?.seed ?? this.game.state.config.seed);
    this.seq = 0;
    this.replay(log);
    this.needsRebuild = false;
  }

  // ——— Players ———————————————————————————————————————————————

  async addPlayer(player: StoredPlayer): Promise<void> {
    await this.store.savePlayer(player);
    this.players.set(player.id, player);
    this.publishLobby();
  }

  /** The team with the fewest seated players (the lowest index on a tie). */
  balancedTeam(): number {
    const counts = Array.from({ length: this.settings.teamCount }, () => 0);
    for (const player of this.seatedPlayers()) counts[player.team] = (counts[player.team] ?? 0) + 1;
    return counts.indexOf(Math.min(...counts));
  }

  async movePlayer(playerId: string, team: number): Promise<Result> {
    const player = this.players.get(playerId);
    if (!player || player.removed) return failure('unknown-player', `No player ${playerId} in this session.`);
    if (team >= this.settings.teamCount) return failure('bad-message', `There are only ${this.settings.teamCount} teams.`);
    const moved = { ...player, team };
    await this.store.savePlayer(moved);
    this.players.set(playerId, moved);
    this.publishLobby();
    return { ok: true };
  }

  async removePlayer(playerId: string): Promise<Result> {
    const player = this.players.get(playerId);
    if (!player || player.removed) return failure('unknown-player', `No player ${playerId} in this session.`);
    const removed = { ...player, removed: true };
    await this.store.savePlayer(removed);
    this.players.set(playerId, removed);
    this.broadcaster.toPlayer(playerId, { type: 'removed', reason: 'The facilitator removed you from the session.' });
    this.publishLobby();
    return { ok: true };
  }

  /** Removes several players in one go: all named players must be seated, or none is removed. */
  async removePlayers(playerIds: readonly string[]): Promise<Result<{ removed: number }>> {
    const unique = [...new Set(playerIds)];
    const unknown = unique.filter((id) => {
      const player = this.players.get(id);
      return !player || player.removed;
    });
    if (unknown.length > 0)
      return failure('unknown-player', `No player ${unknown.slice(0, 5).join(', ')} in this session: nobody was removed.`);
    for (const id of unique) {
      const removed = { ...(this.players.get(id) as StoredPlayer), removed: true };
      await this.store.savePlayer(removed);
      this.players.set(id, removed);
      this.broadcaster.toPlayer(id, { type: 'removed', reason: 'The facilitator removed you from the session.' });
    }
    this.publishLobby();
    return { ok: true, removed: unique.length };
  }

  /** Closes the session to new players, or opens it again; seated players keep their seats. */
  lockJoining(locked: boolean): Promise<Result> {
    return this.serial(async () => {
      if (this.status === 'ended') return failure('session-ended', 'The session is over.');
      await this.store.updateSession(this.id, { joiningLocked: locked });
      this.joiningLocked = locked;
      this.publishSession();
      return { ok: true };
    });
  }
  // ——— Team play ——————————————————————————————————————————————

  decide(
    player: StoredPlayer,
    demandId: number,
    decision: 'accommodate' | 'premium' | 'option' | 'no',
  ): Promise<Result<{ outcome: DecisionOutcome }>> {
    return this.serial(async () => {
      const stopped = this.notRunning();
      if (stopped) return stopped;
      if (this.game.state.phase !== 'operations') return failure('wrong-phase', 'Demands are decided during operations.');
      // The clock stands still: a paused class is for listening to the trainer, not for deciding ahead.
      if (this.paused) return failure('paused', 'Your trainer has paused the class: decide again when it resumes.');
      const { accepted, rejected } = await this.commit([
        { command: { type: 'decide', team: player.team, demandId, decision }, actor: player.id },
      ]);
      if (rejected) return failureOfRejection(rejected);
      const outcome = accepted[0]?.find((item): item is DecisionOutcome => item.kind === 'decision');
      if (!outcome) throw new Error('an accepted decision has its outcome');
      this.publishDecision(outcome, player.name);
      this.boardSoon(player.team);
      return { ok: true, outcome };
    });
  }

  /** The previews of one of the player's team's waiting cards: asked for when a card is selected. */
  preview(player: StoredPlayer, demandId: number): Result<{ previews: DecisionPreviews }> {
    const previews = previewDecisions(this.game, player.team, demandId);
    if (!previews) return failure('rejected', `Your team has no waiting demand ${demandId}.`);
    return { ok: true, previews: trimNumbers(previews) };
  }

  /** A member's draft plan, shown to the team so they can agree before one of them commits. */
  proposePlan(player: StoredPlayer, plan: Plan): Promise<Result> {
    return this.serial(async () => {
      if (this.status === 'ended') return failure('session-ended', 'The session is over.');
      if (this.game.state.phase !== 'planning') return failure('wrong-phase', 'Plans are proposed in the planning phase.');
      if (this.game.state.teams[player.team]?.planCommitted)
        return failure('plan-committed', 'Your team has already committed its plan for this round.');
      const message = { type: 'planProposed' as const, team: player.team, playerId: player.id, by: player.name, plan };
      const team = this.proposals.get(player.team) ?? new Map();
      team.set(player.id, message);
      this.proposals.set(player.team, team);
      this.broadcaster.toTeam(this.id, player.team, message);
      return { ok: true };
    });
  }

  /** The proposals already made this round by a team's members: sent to a member who (re)attaches. */
  proposalsOf(team: number): ServerMessage[] {
    return this.game.state.phase === 'planning' ? [...(this.proposals.get(team)?.values() ?? [])] : [];
  }

  commitPlan(player: StoredPlayer, plan: Plan): Promise<Result> {
    return this.serial(async () => {
      if (this.status === 'ended') return failure('session-ended', 'The session is over.');
      if (this.game.state.phase !== 'planning') return failure('wrong-phase', 'Plans are committed in the planning phase.');
      if (this.game.state.teams[player.team]?.planCommitted)
        return failure('plan-committed', 'Your team has already committed its plan for this round.');
      const commands = planCommands(player.team, plan, this.game.state.teams[player.team]?.plannedRestPercent);
      // All or nothing: try the plan on a copy first, so a refused step changes nothing.
      const trial: Game = { scenario: this.game.scenario, state: structuredClone(this.game.state) };
      for (const command of commands) {
        const result = applyCommand(trial, command);
        if (!result.ok) return failureOfRejection(result.rejection);
      }
      await this.commit(commands.map((command) => ({ command, actor: player.id })));
      this.broadcaster.toTeam(this.id, player.team, { type: 'planCommitted', team: player.team, by: player.name });
      this.broadcaster.toFacilitator(this.id, { type: 'planCommitted', team: player.team, by: player.name });
      this.publishBoard(player.team);
      this.publishDashboard();
      return { ok: true };
    });
  }

  // ——— Facilitator controls ————————————————————————————————————

  start(): Promise<Result> {
    return this.serial(async () => {
      if (this.status !== 'lobby')
        return failure(this.status === 'ended' ? 'session-ended' : 'wrong-phase', 'The session has already started.');
      // The database first: a refused write leaves the session as it was.
      await this.store.updateSession(this.id, { status: 'running', paused: false });
      this.status = 'running';
      this.paused = false;
      this.publishAll();
      this.schedule(true);
      return { ok: true };
    });
  }

  setPaused(paused: boolean): Promise<Result> {
    return this.serial(async () => {
      const stopped = this.notRunning();
      if (stopped) return stopped;
      await this.store.updateSession(this.id, { paused });
      this.paused = paused;
      if (paused) this.stopClock();
      else this.schedule();
      this.publishSession();
      return { ok: true };
    });
  }

  setSpeed(tickMs: number): Promise<Result> {
    return this.serial(async () => {
      if (this.status === 'ended') return failure('session-ended', 'The session is over.');
      await this.store.updateSession(this.id, { tickMs });
      this.tickMs = tickMs;
      if (this.timer) this.schedule();
      this.publishSession();
      return { ok: true };
    });
  }

  nextRound(): Promise<Result> {
    return this.serial(async () => {
      const stopped = this.notRunning();
      if (stopped) return stopped;
      if (this.game.state.phase !== 'planning') return failure('wrong-phase', 'The next round starts from the planning phase.');
      await this.commit([{ command: { type: 'startRound' }, actor: 'facilitator' }]);
      this.proposals.clear();
      this.recentDecisions.clear();
      this.publishAll();
      this.schedule();
      return { ok: true };
    });
  }

  injectEvent(target: number | 'all', eventId: string): Promise<Result> {
    return this.serial(async () => {
      if (this.status === 'ended') return failure('session-ended', 'The session is over.');
      if (target !== 'all' && target >= this.settings.teamCount)
        return failure('bad-message', `There are only ${this.settings.teamCount} teams.`);
      const { accepted, rejected } = await this.commit([{ command: { type: 'injectEvent', target, eventId }, actor: 'facilitator' }]);
      if (rejected) return failureOfRejection(rejected);
      this.publishOutcomes(accepted.flat(), 'facilitator');
      for (let team = 0; team < this.settings.teamCount; team++) if (target === 'all' || target === team) this.publishBoard(team);
      return { ok: true };
    });
  }

  end(): Promise<Result> {
    return this.serial(async () => {
      if (this.status === 'ended') return failure('session-ended', 'The session is already over.');
      await this.finish();
      return { ok: true };
    });
  }

  /**
   * A session hosted long ago and never started ends by itself, so it is not restored forever
   * (LOBBY_EXPIRY_HOURS). The facilitator, if still connected, hears why.
   */
  expire(): Promise<boolean> {
    return this.serial(async () => {
      if (this.status !== 'lobby') return false;
      await this.store.updateSession(this.id, { status: 'ended' });
      this.status = 'ended';
      this.endedAt = Date.now();
      this.broadcaster.toFacilitator(this.id, {
        type: 'notice',
        code: 'lobby-expired',
        message: 'This class was never started and has expired. Host a new one when the learners are ready.',
      });
      this.publishSession();
      return true;
    });
  }

  private async finish(): Promise<void> {
    this.stopClock();
    await this.store.updateSession(this.id, { status: 'ended' });
    this.status = 'ended';
    this.endedAt = Date.now();
    await this.recordCheckpoints(sessionEndCheckpoints(this.game, this.seq));
    this.publishSession();
    this.publishDashboard();
  }

  // ——— The clock ———————————————————————————————————————————————

  /**
   * The first tick after a (re)start comes after a random part of a tick, so that sessions
   * started or restored together do not all tick in the same instant and stall each other.
   */
  private schedule(first = false): void {
    this.stopClock();
    if (this.status !== 'running' || this.paused || this.game.state.phase !== 'operations') return;
    this.runClockIn(first ? this.tickMs * (0.5 + Math.random()) : this.tickMs);
  }

  private runClockIn(delay: number): void {
    this.nextTickAt = Date.now() + delay;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.serial(() => this.tick()).then(
        () => this.clockRecovered(),
        (error) => this.clockFailed(error),
      );
    }, delay);
  }

  /**
   * A tick whose log write failed (a locked, full or read-only database) is tried again, sooner
   * at first and then every CLOCK_RETRY_MAX_MS, never given up: the clock waits, nothing is
   * acknowledged that is not in the log, and the facilitator hears why the clock stands still.
   */
  private clockFailed(error: unknown): void {
    this.clockFailures++;
    this.logger.error({ err: error, session: this.id, failures: this.clockFailures }, 'tick failed; the clock will try again');
    if (this.clockFailures === 1)
      this.broadcaster.toFacilitator(this.id, {
        type: 'notice',
        code: 'storage-retrying',
        message: `The clock is held: the server cannot write to its database (${describeError(error)}). It keeps trying; nothing acknowledged is lost.`,
      });
    this.stopClock();
    if (this.status !== 'running' || this.paused) return;
    this.runClockIn(Math.min(CLOCK_RETRY_MAX_MS, CLOCK_RETRY_FIRST_MS * 2 ** (this.clockFailures - 1)));
  }

  private clockRecovered(): void {
    if (this.clockFailures === 0) return;
    this.logger.info({ session: this.id, failures: this.clockFailures }, 'the database takes writes again; the clock runs on');
    this.clockFailures = 0;
    this.broadcaster.toFacilitator(this.id, {
      type: 'notice',
      code: 'storage-recovered',
      message: 'The database takes writes again: the clock runs on from where it stopped.',
    });
  }

  stopClock(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Stops every timer: the process is shutting down. */
  dispose(): void {
    this.stopClock();
    this.lobbyThrottle.cancel();
    if (this.boardTimer) clearTimeout(this.boardTimer);
    this.boardTimer = undefined;
  }

  /**
   * One simulated hour: bot teams decide what they see, then time moves on. Run again after a
   * failure, it picks up where the last attempt stopped: the hour itself if that was not
   * logged, otherwise the bots' plans or the end of the session that should have followed it.
   */
  private async tick(): Promise<void> {
    if (this.status !== 'running' || this.paused) return;
    const bots = this.botTeams();
    if (this.phase() === 'operations') {
      const pending: Pending[] = [];
      for (const team of bots) {
        const view = teamView(this.game, team);
        if (!view || view.cards.length === 0) continue;
        for (const command of this.bot.operate(view, this.scenario)) pending.push({ command, actor: 'bot' });
      }
      pending.push({ command: { type: 'tick' }, actor: 'clock' });
      const { accepted } = await this.commit(pending, true);
      this.publishOutcomes(accepted.flat(), 'bot');
    }
    // The tick may have ended the round or the game.
    const phase = this.phase();
    if (phase === 'planning') await this.planForBots(bots);
    if (phase === 'ended') await this.finish();
    this.publishAll();
    this.schedule();
  }

  private async planForBots(bots: number[]): Promise<void> {
    const pending: Pending[] = [];
    for (const team of bots) {
      if (this.game.state.teams[team]?.planCommitted) continue;
      const view = teamView(this.game, team);
      if (!view) continue;
      for (const command of this.bot.plan(view, this.scenario)) pending.push({ command, actor: 'bot' });
      pending.push({ command: { type: 'commitPlan', team }, actor: 'bot' });
    }
    // A bot's plan step the game refuses (say, not enough cash) is simply not taken.
    await this.commit(pending, true);
  }

  private phase(): Game['state']['phase'] {
    return this.game.state.phase;
  }

  // ——— What clients hear ————————————————————————————————————————

  private publishOutcomes(outcomes: Outcome[], by: string): void {
    for (const outcome of outcomes) {
      if (outcome.kind === 'decision') this.publishDecision(outcome, outcome.resolution === 'ignored' ? 'clock' : by);
      else if (outcome.kind === 'event-started') {
        const event = this.scenario.events.find((candidate) => candidate.id === outcome.eventId);
        const message: ServerMessage = {
          type: 'eventStarted',
          team: outcome.team,
          eventId: outcome.eventId,
          name: event?.name ?? outcome.eventId,
          description: event?.description ?? '',
        };
        this.broadcaster.toTeam(this.id, outcome.team, message);
        this.broadcaster.toFacilitator(this.id, message);
      }
    }
  }

  private publishDecision(outcome: DecisionOutcome, by: string): void {
    const message: ServerMessage = {
      type: 'decided',
      team: outcome.team,
      demandId: outcome.demandId,
      decision: outcome.resolution,
      by,
      accepted: outcome.accepted,
      loyaltyChange: outcome.loyaltyAfter - outcome.loyaltyBefore,
      revenueCents: outcome.revenueCents,
    };
    this.broadcaster.toTeam(this.id, outcome.team, message);
    this.broadcaster.toFacilitator(this.id, message);
    this.noteDecision(outcome, by);
  }

  /** Keeps a team's latest answered demands (not the ones nobody answered), with names to show. */
  private noteDecision(outcome: DecisionOutcome, by: string): void {
    if (outcome.resolution === 'ignored' || by === 'clock') return;
    const customer = this.game.state.teams[outcome.team]?.customers[outcome.customerId];
    const entry: TeamFeedEntry = {
      by,
      decision: outcome.resolution,
      accepted: outcome.accepted,
      loyaltyChange: Math.round((outcome.loyaltyAfter - outcome.loyaltyBefore) * 1000) / 1000,
      revenueCents: outcome.revenueCents,
      customerName: customer?.name ?? 'A customer',
      categoryName: this.scenario.categories[outcome.category]?.name ?? 'a request',
    };
    const feed = this.recentDecisions.get(outcome.team) ?? [];
    feed.push(entry);
    if (feed.length > TEAM_FEED_LENGTH) feed.splice(0, feed.length - TEAM_FEED_LENGTH);
    this.recentDecisions.set(outcome.team, feed);
  }

  /** A team's latest decisions this round: sent to a member who (re)attaches, so a reload keeps the feed. */
  teamFeedMessage(team: number): ServerMessage {
    return { type: 'teamFeed', team, decisions: [...(this.recentDecisions.get(team) ?? [])] };
  }

  sessionMessage(): Extract<ServerMessage, { type: 'session' }> {
    const { state } = this.game;
    return {
      type: 'session',
      sessionId: this.id,
      scenarioId: this.scenario.id,
      status: this.status,
      paused: this.paused,
      tickMs: this.tickMs,
      round: state.round,
      rounds: state.config.rounds,
      tick: state.tick,
      ticksPerRound: state.config.ticksPerRound,
      phase: state.phase,
      teamCount: this.settings.teamCount,
      joiningLocked: this.joiningLocked,
    };
  }

  lobbyMessage(): ServerMessage {
    const connected = this.broadcaster.connectedPlayers(this.id);
    return {
      type: 'lobby',
      players: this.seatedPlayers().map((player) => ({
        id: player.id,
        name: player.name,
        team: player.team,
        connected: connected.has(player.id),
      })),
      botTeams: this.botTeams(),
    };
  }

  boardMessage(team: number): ServerMessage | undefined {
    // Plain data with short numbers. Cards go without their previews: a member asks for those when they select a card ("preview").
    const board = boardOf(this.game, team);
    return board && { type: 'board', board: trimNumbers(board) };
  }

  dashboardMessage(): ServerMessage {
    const connected = this.broadcaster.connectedPlayers(this.id);
    const seated = this.seatedPlayers();
    const bots = new Set(this.botTeams());
    const teams: TeamFiguresRow[] = readAllFigures(this.game).map((figures) => {
      const members = seated.filter((player) => player.team === figures.team);
      return {
        team: figures.team,
        name: this.game.state.teams[figures.team]?.name ?? `Team ${figures.team + 1}`,
        bot: bots.has(figures.team),
        profitCents: figures.profitCents,
        exhaustion: figures.exhaustion.current,
        loyalty: figures.loyalty,
        reputation: figures.reputation,
        balancedScore: figures.balancedScore,
        waitingDemands: figures.waitingDemands,
        connectedPlayers: members.filter((player) => connected.has(player.id)).length,
        players: members.length,
        planCommitted: this.game.state.teams[figures.team]?.planCommitted ?? false,
      };
    });
    return { type: 'dashboard', teams };
  }

  /**
   * The facilitator's clock needs every tick; players read the tick from their board, so they
   * hear the session message only when something they act on changed (status, pause, speed,
   * phase, round). That halves what a tick sends (docs/performance.md).
   */
  publishSession(): void {
    const message = this.sessionMessage();
    const playersSee = `${message.status}|${message.paused}|${message.tickMs}|${message.phase}|${message.round}`;
    if (playersSee === this.sessionPlayersSaw) {
      this.broadcaster.toFacilitator(this.id, message);
      return;
    }
    this.sessionPlayersSaw = playersSee;
    this.broadcaster.toSession(this.id, message);
  }

  /** The roster for everyone, at most every LOBBY_INTERVAL_MS however many join or leave meanwhile. */
  publishLobby(): void {
    this.lobbyThrottle.request();
  }

  private sendLobby(): void {
    this.broadcaster.toSession(this.id, this.lobbyMessage());
    this.publishDashboard();
  }

  publishBoard(team: number): void {
    const message = this.boardMessage(team);
    if (message) this.broadcaster.toTeam(this.id, team, message);
  }

  /**
   * Decisions reach teammates at once (the "decided" message); the full board, which costs a
   * team view, follows within BOARD_DELAY_MS, once for a burst of decisions, or
   * with the next tick when that comes first.
   */
  private boardSoon(team: number): void {
    this.staleBoards.add(team);
    if (this.boardTimer) return;
    this.boardTimer = setTimeout(() => {
      this.boardTimer = undefined;
      // A tick due soon sends every board anyway.
      if (this.timer && this.nextTickAt - Date.now() < BOARD_DELAY_MS) return;
      for (const stale of this.staleBoards) this.publishBoard(stale);
      this.staleBoards.clear();
      this.publishDashboard();
    }, BOARD_DELAY_MS);
  }

  publishDashboard(): void {
    this.broadcaster.toFacilitator(this.id, this.dashboardMessage());
  }

  publishAll(): void {
    this.staleBoards.clear();
    this.publishSession();
    for (let team = 0; team < this.settings.teamCount; team++) this.publishBoard(team);
    this.publishDashboard();
  }
}

function describeError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' ? `${code}: ${message}` : message;
}

/**
 * Copies plain data with fractions cut to 3 decimals: what a screen shows, at about half
 * the bytes of full doubles. Boards go to every member every tick, so their size is the
 * server's main cost under load (docs/performance.md).
 */
export function trimNumbers<T>(value: T): T {
  return trimmed(value) as T;
}

function trimmed(value: unknown): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? value : Math.round(value * 1000) / 1000;
  if (Array.isArray(value)) return value.map(trimmed);
  if (value && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const key in value) copy[key] = trimmed((value as Record<string, unknown>)[key]);
    return copy;
  }
  return value;
}
