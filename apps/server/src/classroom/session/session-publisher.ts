import { type Board, type BoardMessage, boardPatch, type ServerMessage, type ServerPush, sameData } from '@ttc/protocol';
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
  /** The team's board as it stands (fractions cut short); undefined for a team the game lacks. */
  board(team: number): Board | undefined;
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
  /** The last board each team was sent, whole and numbered: what its members hold, the base of the next patch. */
  private readonly sentBoards = new Map<number, BoardMessage>();
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

  toTeam(team: number, message: ServerPush): void {
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

  /** The team's board now: whole for its first or after a change of round or phase, otherwise as a patch of the last one; nothing when it has not changed. */
  board(team: number): void {
    const board = this.source.board(team);
    if (board) this.sendBoard(team, board);
  }

  /** Numbers the team's board and sends it, as a patch of the last one sent when one follows. */
  private sendBoard(team: number, board: Board): void {
    const last = this.sentBoards.get(team);
    if (last && sameData(last.board, board)) return;
    this.staleBoards.delete(team);
    const version = (last?.version ?? 0) + 1;
    this.sentBoards.set(team, { type: 'board', version, board });
    const patch = last && boardPatch(last.board, board);
    this.toTeam(team, last && patch ? { type: 'board', version, base: last.version, board: patch } : { type: 'board', version, board });
  }

  /**
   * The team's latest board, whole: for a newcomer, a moved player or a resync. When the game
   * moved on since the team's last board (a decision whose board is still due), the members get
   * the new one now, so what the newcomer holds is what the team holds.
   */
  wholeBoard(team: number): BoardMessage | undefined {
    const board = this.source.board(team);
    if (!board) return undefined;
    this.sendBoard(team, board);
    return this.sentBoards.get(team);
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
      // Sent from inside the queue, so boards go out in the order they are numbered.
      void this.source
        .read(() => {
          for (const team of [...this.staleBoards]) this.board(team);
          this.staleBoards.clear();
          this.dashboard();
        })
        .catch(() => undefined);
    });
  }

  /** Stops every timer: the session leaves memory or the process shuts down. */
  dispose(): void {
    this.lobbyThrottle.cancel();
    this.boardTimer?.cancel();
    this.boardTimer = undefined;
  }
}
