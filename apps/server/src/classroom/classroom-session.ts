import {
  classroomTeamNames,
  type Failure,
  failure,
  failureOfRejection,
  type HostSettings,
  type Plan,
  type ServerMessage,
} from '@ttc/protocol';
import {
  createGame,
  createStrategy,
  type Decision,
  type DecisionOutcome,
  type DecisionPreviews,
  type Game,
  type Outcome,
  planRejection,
  playStrategyTurns,
  previewDecisions,
  type Scenario,
  type Strategy,
} from '@ttc/sim';
import type { Logger } from 'pino';
import type { SessionStore, StoredPlayer, StoredSession } from '../storage/session-store.js';
import type { Broadcaster } from './broadcaster.js';
import { SessionClock } from './session/session-clock.js';
import { SessionCore } from './session/session-core.js';
import {
  boardMessage,
  dashboardMessage,
  lobbyMessage,
  type MessageOf,
  promiseBrokenMessage,
  sessionMessage,
  teamFeedMessage,
  trimNumbers,
} from './session/session-messages.js';
import { SessionPublisher } from './session/session-publisher.js';
import { SessionSeats } from './session/session-seats.js';
import type { SessionTime } from './session/session-time.js';
import { TeamFeed } from './session/team-feed.js';

// biome-ignore lint/complexity/noBannedTypes: an empty extra payload is the common case
export type Result<T = {}> = ({ ok: true } & T) | Failure;

export interface SessionDeps {
  store: SessionStore;
  broadcaster: Broadcaster;
  logger: Logger;
  time: SessionTime;
}

/**
 * One live classroom session: its seats, its team play and the facilitator's controls. The game
 * and its durable log are the core's (session/session-core.ts: one queue, write then show), the
 * clock is the clock's (injected time), what is said and to whom the publisher's. The game's
 * rules are the simulation's: the session checks only what is the session's own — whether it
 * runs, whether the trainer paused it, who sits where.
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
  readonly seats: SessionSeats;
  private readonly core: SessionCore;
  private readonly clock: SessionClock;
  private readonly publisher: SessionPublisher;
  private readonly feed = new TeamFeed();
  private readonly bot: Strategy = createStrategy('strategist');
  /** This round's draft plans, per team and player: shown to teammates, never logged. */
  private readonly proposals = new Map<number, Map<string, MessageOf<'planProposed'>>>();
  private readonly store: SessionStore;
  /** Left memory, or handed to another process: no more hours. */
  private disposed = false;
  private readonly broadcaster: Broadcaster;
  private readonly logger: Logger;
  private readonly time: SessionTime;

  constructor(
    stored: StoredSession,
    readonly scenario: Scenario,
    deps: SessionDeps,
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
    this.store = deps.store;
    this.broadcaster = deps.broadcaster;
    this.logger = deps.logger;
    this.time = deps.time;
    this.seats = new SessionSeats(deps.store, stored.settings);
    this.core = new SessionCore({
      sessionId: stored.id,
      newGame: () => this.newGame(stored.seed),
      store: deps.store,
      logger: deps.logger,
      rebuilding: () => this.feed.clear(),
      // The teams' feeds as they were, so a learner who reloads after a restart still sees them.
      replayed: ({ entry, outcomes }, game) => {
        if (entry.command.type === 'startRound') this.feed.clear();
        this.noteInFeed(game, entry.actor, outcomes);
      },
    });
    this.clock = new SessionClock(deps.time, {
      tick: () => this.serial(() => this.tick()),
      mayRun: () => !this.disposed && this.status === 'running' && !this.paused,
      failed: (error, failures) => this.clockFailed(error, failures),
      recovered: (failures) => this.clockRecovered(failures),
    });
    this.publisher = new SessionPublisher(
      {
        sessionId: this.id,
        scenario,
        teamCount: this.settings.teamCount,
        read: (reader) => this.core.read(reader),
        sessionMessage: () => this.sessionMessage(),
        lobbyMessage: () => this.lobbyMessage(),
        dashboardMessage: () => this.dashboardMessage(),
        boardMessage: (team) => boardMessage(this.core.game, team),
        tickDueIn: () => this.clock.dueIn(),
      },
      deps.broadcaster,
      deps.time,
    );
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

  /** The game as its log has it (for work in the queue, and for tests once the queue is quiet). */
  get game(): Game {
    return this.core.game;
  }

  /** Rebuilds the game from the durable log after a restart, and resumes the clock. */
  restore(players: StoredPlayer[], log: Parameters<SessionCore['restore']>[0]): void {
    this.seats.restore(players);
    this.core.restore(log);
    if (this.status === 'running' && !this.paused) this.schedule(true);
  }

  /** Runs one change at a time, in arrival order: the server's ordering of commands. */
  serial<T>(work: () => Promise<T>): Promise<T> {
    return this.core.serial(work);
  }

  /** Reads the game in the queue, never while a command is on its way to the log. */
  read<T>(reader: (game: Game) => T): Promise<T> {
    return this.core.read(reader);
  }

  /** The refusal for a control that needs a running session, or undefined when it runs. */
  private notRunning(): Failure | undefined {
    if (this.status === 'running') return undefined;
    return failure(this.status === 'ended' ? 'session-ended' : 'wrong-phase', 'The session is not running.');
  }

  private ended(message = 'The session is over.'): Failure | undefined {
    return this.status === 'ended' ? failure('session-ended', message) : undefined;
  }

  // ——— Seats ———————————————————————————————————————————————

  /** Seats a new player (the registry checks the session's caps and names first). */
  async addPlayer(player: StoredPlayer): Promise<void> {
    await this.seats.save(player);
    this.publisher.lobby();
  }

  async movePlayer(playerId: string, team: number): Promise<Result> {
    const player = this.seats.seatedPlayer(playerId);
    if (!player) return failure('unknown-player', `No player ${playerId} in this session.`);
    if (team >= this.settings.teamCount) return failure('bad-message', `There are only ${this.settings.teamCount} teams.`);
    await this.seats.save({ ...player, team });
    this.publisher.lobby();
    return { ok: true };
  }

  /** Removes several players in one go: all named players must be seated, or none is removed. */
  async removePlayers(playerIds: readonly string[]): Promise<Result<{ removed: number }>> {
    const unique = [...new Set(playerIds)];
    const unknown = unique.filter((id) => !this.seats.seatedPlayer(id));
    if (unknown.length > 0)
      return failure('unknown-player', `No player ${unknown.slice(0, 5).join(', ')} in this session: nobody was removed.`);
    for (const id of unique) {
      const player = this.seats.seatedPlayer(id);
      if (!player) continue;
      await this.seats.save({ ...player, removed: true });
      this.publisher.toPlayer(id, { type: 'removed', reason: 'The facilitator removed you from the session.' });
    }
    this.publisher.lobby();
    return { ok: true, removed: unique.length };
  }

  /** A player's sockets came or went: the roster says who is connected. */
  connectionsChanged(): void {
    this.publisher.lobby();
  }

  /** Closes the session to new players, or opens it again; seated players keep their seats. */
  lockJoining(locked: boolean): Promise<Result> {
    return this.serial(async () => {
      const refused = this.ended();
      if (refused) return refused;
      await this.store.updateSession(this.id, { joiningLocked: locked });
      this.joiningLocked = locked;
      this.publisher.session();
      return { ok: true };
    });
  }

  // ——— Team play ——————————————————————————————————————————————

  decide(player: StoredPlayer, demandId: number, decision: Decision): Promise<Result<{ outcome: DecisionOutcome }>> {
    return this.serial(async () => {
      const stopped = this.notRunning();
      if (stopped) return stopped;
      // The clock stands still: a paused class is for listening to the trainer, not for deciding ahead.
      if (this.paused) return failure('paused', 'Your trainer has paused the class: decide again when it resumes.');
      const { value: result } = await this.core.commit((tx) =>
        tx.apply({ type: 'decide', team: player.team, demandId, decision }, player.id),
      );
      if (!result.ok) return failureOfRejection(result.rejection);
      const outcome = result.outcomes.find((item): item is DecisionOutcome => item.kind === 'decision');
      if (!outcome) throw new Error('an accepted decision has its outcome');
      this.publisher.decision(outcome, player.name);
      this.feed.note(this.core.game, outcome, player.name);
      this.publisher.boardSoon(player.team);
      return { ok: true, outcome };
    });
  }

  /** The previews of one of the player's team's waiting cards: asked for when a card is selected. */
  preview(player: StoredPlayer, demandId: number): Promise<Result<{ previews: DecisionPreviews }>> {
    return this.read((game) => {
      const previews = previewDecisions(game, player.team, demandId);
      if (!previews) return failure('rejected', `Your team has no waiting demand ${demandId}.`);
      return { ok: true, previews: trimNumbers(previews) };
    });
  }

  /** A member's draft plan, shown to the team so they can agree before one of them commits. */
  proposePlan(player: StoredPlayer, plan: Plan): Promise<Result> {
    return this.serial(async () => {
      const refused = this.ended();
      if (refused) return refused;
      const rejection = planRejection(this.core.game, player.team);
      if (rejection) return failureOfRejection(rejection);
      const message: MessageOf<'planProposed'> = { type: 'planProposed', team: player.team, playerId: player.id, by: player.name, plan };
      const team = this.proposals.get(player.team) ?? new Map<string, MessageOf<'planProposed'>>();
      team.set(player.id, message);
      this.proposals.set(player.team, team);
      this.publisher.toTeam(player.team, message);
      return { ok: true };
    });
  }

  commitPlan(player: StoredPlayer, plan: Plan): Promise<Result> {
    return this.serial(async () => {
      const refused = this.ended();
      if (refused) return refused;
      const { value: result } = await this.core.commit((tx) => tx.applyPlan(player.team, plan, player.id));
      if (!result.ok) return failureOfRejection(result.rejection);
      this.publisher.toTeamAndFacilitator(player.team, { type: 'planCommitted', team: player.team, by: player.name });
      this.publisher.board(player.team);
      this.publisher.dashboard();
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
      this.publisher.all();
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
      if (paused) this.clock.stop();
      else this.schedule();
      this.publisher.session();
      return { ok: true };
    });
  }

  setSpeed(tickMs: number): Promise<Result> {
    return this.serial(async () => {
      const refused = this.ended();
      if (refused) return refused;
      await this.store.updateSession(this.id, { tickMs });
      this.tickMs = tickMs;
      if (this.clock.scheduled) this.schedule();
      this.publisher.session();
      return { ok: true };
    });
  }

  nextRound(): Promise<Result> {
    return this.serial(async () => {
      const stopped = this.notRunning();
      if (stopped) return stopped;
      const { value: result } = await this.core.commit((tx) => tx.apply({ type: 'startRound' }, 'facilitator'));
      if (!result.ok) return failureOfRejection(result.rejection);
      this.proposals.clear();
      this.feed.clear();
      this.publisher.all();
      this.schedule();
      return { ok: true };
    });
  }

  injectEvent(target: number | 'all', eventId: string): Promise<Result> {
    return this.serial(async () => {
      const refused = this.ended();
      if (refused) return refused;
      if (target !== 'all' && target >= this.settings.teamCount)
        return failure('bad-message', `There are only ${this.settings.teamCount} teams.`);
      const { value: result } = await this.core.commit((tx) => tx.apply({ type: 'injectEvent', target, eventId }, 'facilitator'));
      if (!result.ok) return failureOfRejection(result.rejection);
      this.publisher.outcomes(result.outcomes, 'facilitator');
      for (let team = 0; team < this.settings.teamCount; team++) if (target === 'all' || target === team) this.publisher.board(team);
      return { ok: true };
    });
  }

  end(): Promise<Result> {
    return this.serial(async () => {
      const refused = this.ended('The session is already over.');
      if (refused) return refused;
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
      this.endedAt = this.time.now();
      this.publisher.toFacilitator({
        type: 'notice',
        code: 'lobby-expired',
        message: 'This class was never started and has expired. Host a new one when the learners are ready.',
      });
      this.publisher.session();
      return true;
    });
  }

  private async finish(): Promise<void> {
    this.clock.stop();
    await this.store.updateSession(this.id, { status: 'ended' });
    this.status = 'ended';
    this.endedAt = this.time.now();
    await this.core.recordSessionEnd();
    this.publisher.session();
    this.publisher.dashboard();
  }

  // ——— The clock ———————————————————————————————————————————————

  /** The next hour, when the session runs, is not paused and is in operations. */
  private schedule(first = false): void {
    this.clock.stop();
    if (this.status !== 'running' || this.paused || this.core.game.state.phase !== 'operations') return;
    if (first) this.clock.runAfterStart(this.tickMs);
    else this.clock.runIn(this.tickMs);
  }

  /**
   * One simulated hour: bot teams decide what they see, then time moves on; a round that ends
   * lets the bots plan. Run again after a failure, it picks up where the last attempt stopped:
   * the hour itself if that was not logged, otherwise the bots' plans or the end of the session
   * that should have followed it.
   */
  private async tick(): Promise<void> {
    if (this.disposed || this.status !== 'running' || this.paused) return;
    const bots = this.botStrategies();
    if (this.core.game.state.phase === 'operations') {
      const { applied } = await this.core.commit((tx) => {
        // A bot's choice the game refuses is passed over: it must not hold up the clock.
        playStrategyTurns(tx.game, bots, (command) => tx.apply(command, 'bot'));
        tx.apply({ type: 'tick' }, 'clock');
      });
      for (const { entry, outcomes } of applied) {
        this.publisher.outcomes(outcomes, 'bot');
        this.noteInFeed(this.core.game, entry.actor, outcomes);
        // The team hears of a broken promise as it happens, as of a card nobody answered.
        for (const outcome of outcomes)
          if (outcome.kind === 'broken-promise')
            this.publisher.toTeamAndFacilitator(outcome.team, promiseBrokenMessage(this.core.game, outcome));
      }
    }
    // The tick may have ended the round or the game.
    const { phase } = this.core.game.state;
    // A bot's plan step the game refuses (say, not enough cash) is simply not taken.
    if (phase === 'planning') await this.core.commit((tx) => playStrategyTurns(tx.game, bots, (command) => tx.apply(command, 'bot')));
    if (phase === 'ended') await this.finish();
    this.publisher.all();
    this.schedule();
  }

  /** The strategist for each team without players (when the session has bots), nobody for the others. */
  private botStrategies(): (Strategy | undefined)[] {
    const bots = new Set(this.seats.botTeams());
    return Array.from({ length: this.settings.teamCount }, (_, team) => (bots.has(team) ? this.bot : undefined));
  }

  private clockFailed(error: unknown, failures: number): void {
    this.logger.error({ err: error, session: this.id, failures }, 'tick failed; the clock will try again');
    if (failures === 1)
      this.publisher.toFacilitator({
        type: 'notice',
        code: 'storage-retrying',
        message: `The clock is held: the server cannot write to its database (${describeError(error)}). It keeps trying; nothing acknowledged is lost.`,
      });
  }

  private clockRecovered(failures: number): void {
    this.logger.info({ session: this.id, failures }, 'the database takes writes again; the clock runs on');
    this.publisher.toFacilitator({
      type: 'notice',
      code: 'storage-recovered',
      message: 'The database takes writes again: the clock runs on from where it stopped.',
    });
  }

  /**
   * A commit's decisions and broken promises into the team feed, named by who did them: a seat's
   * name, the bot, or the clock (a card nobody answered, a promise not kept). One rule for the
   * hours as they are played and for a feed rebuilt from the log.
   */
  private noteInFeed(game: Game, actor: string, outcomes: readonly Outcome[]): void {
    const by = actor === 'bot' || actor === 'clock' ? actor : this.seats.get(actor)?.name;
    if (!by) return;
    for (const outcome of outcomes) if (outcome.kind === 'decision' || outcome.kind === 'broken-promise') this.feed.note(game, outcome, by);
  }

  /** Stops every timer: the session leaves memory or the process shuts down. */
  dispose(): void {
    // A session given up to another process must never start its clock again (a failed tick retries).
    this.disposed = true;
    this.clock.stop();
    this.publisher.dispose();
  }

  // ——— What a client is sent ————————————————————————————————————

  private sessionMessage(): MessageOf<'session'> {
    return sessionMessage(this, this.core.game);
  }

  private lobbyMessage(): MessageOf<'lobby'> {
    return lobbyMessage(this.seats.seated(), this.publisherConnected(), this.seats.botTeams());
  }

  private dashboardMessage(): MessageOf<'dashboard'> {
    return dashboardMessage(this.core.game, this.seats.seated(), this.publisherConnected(), this.seats.botTeams());
  }

  /** Live connections per player: the broadcaster knows them. */
  private publisherConnected(): Set<string> {
    return this.broadcaster.connectedPlayers(this.id);
  }

  /** What a player's socket needs at once when it takes its seat: the session, the board, the team's proposals and feed, the roster. */
  welcomePlayer(team: number): Promise<ServerMessage[]> {
    const messages = this.read((game) => {
      const board = boardMessage(game, team);
      const proposals = game.state.phase === 'planning' ? [...(this.proposals.get(team)?.values() ?? [])] : [];
      return [
        this.sessionMessage(),
        ...(board ? [board] : []),
        ...proposals,
        teamFeedMessage(team, this.feed.of(team)),
        this.lobbyMessage(),
      ];
    });
    // Everyone else hears of the newcomer with the next (throttled) roster.
    this.publisher.lobby();
    return messages;
  }

  /** What a moved player's sockets need: the new team's board and feed. */
  welcomeToTeam(team: number): Promise<ServerMessage[]> {
    return this.read((game) => {
      const board = boardMessage(game, team);
      return [...(board ? [board] : []), teamFeedMessage(team, this.feed.of(team))];
    });
  }

  /** What the facilitator's socket needs at once: the session, the roster, every team's figures. */
  welcomeFacilitator(): Promise<ServerMessage[]> {
    return this.read(() => [this.sessionMessage(), this.lobbyMessage(), this.dashboardMessage()]);
  }
}

function describeError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' ? `${code}: ${message}` : message;
}
