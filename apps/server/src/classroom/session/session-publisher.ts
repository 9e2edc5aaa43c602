import type { ServerMessage } from '@ttc/protocol';
import type { DecisionOutcome, Outcome, Scenario } from '@ttc/sim';
import type { Broadcaster } from '../broadcaster.js';
import { decidedMessage, eventStartedMessage, type MessageOf } from './session-messages.js';
import type { SessionTime, TimerHandle } from './session-time.js';
import { Throttle } from './throttle.js';

/** A burst of decisions sends the team's board once, this long after the first (or with the next tick, if sooner). */
const BOARD_DELAY_MS = 1000;
/** The lobby goes out at most this often: a burst of joins sends a few rosters, not one per join. */
const LOBBY_INTERVAL_MS = 500;

/** What the publisher reads from its session: the messages as they stand, built when asked for. */
export interface PublisherSource {
  readonly sessionId: string;
  readonly scenario: Scenario;
  readonly teamCount: number;
  /** Runs `reader` in the session's queue: for what is sent later, outside any change. */
  read<T>(reader: () => T): Promise<T>;
  sessionMessage(): MessageOf<'session'>;
  lobbyMessage(): MessageOf<'lobby'>;
  dashboardMessage(): MessageOf<'dashboard'>;
  boardMessage(team: number): MessageOf<'board'> | undefined;
  /** Milliseconds until the clock's next hour, or undefined when it stands. */
  tickDueIn(): number | undefined;
}

/**
 * Who hears what, and when. A decision reaches the team and the facilitator at once; the team's
 * board, which costs a team view, follows within BOARD_DELAY_MS, once for a burst of decisions,
 * or with the next tick. The facilitator hears the session every tick; players only when
 * something they act on changed (status, pause, speed, phase, round: the tick is on their
 * board), which halves what a tick sends. The lobby goes out at most every LOBBY_INTERVAL_MS.
 */
export class SessionPublisher {
  /** Teams whose board changed since it was last sent; sent together shortly after. */
  private readonly staleBoards = new Set<number>();
  private boardTimer: TimerHandle | undefined;
  /** The player-visible part of the last session message sent to everyone. */
  private sessionPlayersSaw = '';
  private readonly lobbyThrottle: Throttle;

  constructor(
    private readonly source: PublisherSource,
    private readonly broadcaster: Broadcaster,
    private readonly time: SessionTime,
  ) {
    this.lobbyThrottle = new Throttle(LOBBY_INTERVAL_MS, () => this.sendLobby(), time);
  }

  private get id(): string {
    return this.source.sessionId;
  }

  toTeam(team: number, message: ServerMessage): void {
    this.broadcaster.toTeam(this.id, team, message);
  }

  toFacilitator(message: ServerMessage): void {
    this.broadcaster.toFacilitator(this.id, message);
  }

  /** To the team and to the facilitator, who follows every team. */
  toTeamAndFacilitator(team: number, message: ServerMessage): void {
    this.toTeam(team, message);
    this.toFacilitator(message);
  }

  toPlayer(playerId: string, message: ServerMessage): void {
    this.broadcaster.toPlayer(playerId, message);
  }

  session(): void {
    const message = this.source.sessionMessage();
    const playersSee = `${message.status}|${message.paused}|${message.tickMs}|${message.phase}|${message.round}`;
    if (playersSee === this.sessionPlayersSaw) {
      this.toFacilitator(message);
      return;
    }
    this.sessionPlayersSaw = playersSee;
    this.broadcaster.toSession(this.id, message);
  }

  /** The roster for everyone, at most every LOBBY_INTERVAL_MS however many join or leave meanwhile. */
  lobby(): void {
    this.lobbyThrottle.request();
  }

  private sendLobby(): void {
    void this.source
      .read(() => [this.source.lobbyMessage(), this.source.dashboardMessage()] as const)
      .then(
        ([lobby, dashboard]) => {
          this.broadcaster.toSession(this.id, lobby);
          this.toFacilitator(dashboard);
        },
        () => undefined,
      );
  }

  board(team: number): void {
    const message = this.source.boardMessage(team);
    if (message) this.toTeam(team, message);
  }

  dashboard(): void {
    this.toFacilitator(this.source.dashboardMessage());
  }

  /** The session, every board and the dashboard: after a tick or a change of phase. */
  all(): void {
    this.staleBoards.clear();
    this.session();
    for (let team = 0; team < this.source.teamCount; team++) this.board(team);
    this.dashboard();
  }

  /** A decision, at once, with who made it ("clock" for a card nobody answered in time). */
  decision(outcome: DecisionOutcome, by: string): void {
    this.toTeamAndFacilitator(outcome.team, decidedMessage(outcome, outcome.resolution === 'ignored' ? 'clock' : by));
  }

  /** What commands did that teams hear of: decisions and events that started. */
  outcomes(outcomes: readonly Outcome[], by: string): void {
    for (const outcome of outcomes) {
      if (outcome.kind === 'decision') this.decision(outcome, by);
      else if (outcome.kind === 'event-started')
        this.toTeamAndFacilitator(outcome.team, eventStartedMessage(this.source.scenario, outcome.team, outcome.eventId));
    }
  }

  /** The team's board within BOARD_DELAY_MS, once for a burst of decisions, or with the next tick when that comes first. */
  boardSoon(team: number): void {
    this.staleBoards.add(team);
    if (this.boardTimer) return;
    this.boardTimer = this.time.after(BOARD_DELAY_MS, () => {
      this.boardTimer = undefined;
      // A tick due soon sends every board anyway.
      const dueIn = this.source.tickDueIn();
      if (dueIn !== undefined && dueIn < BOARD_DELAY_MS) return;
      void this.source
        .read(() => {
          const boards = [...this.staleBoards].flatMap((stale) => this.source.boardMessage(stale) ?? []);
          this.staleBoards.clear();
          return { boards, dashboard: this.source.dashboardMessage() };
        })
        .then(
          ({ boards, dashboard }) => {
            for (const board of boards) this.toTeam(board.board.team, board);
            this.toFacilitator(dashboard);
          },
          () => undefined,
        );
    });
  }

  /** Stops every timer: the session leaves memory or the process shuts down. */
  dispose(): void {
    this.lobbyThrottle.cancel();
    this.boardTimer?.cancel();
    this.boardTimer = undefined;
  }
}
