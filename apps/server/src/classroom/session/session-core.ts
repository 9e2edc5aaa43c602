import {
  applyCommand,
  applyPlan,
  type Command,
  type CommandResult,
  type Game,
  type Outcome,
  type PlanResult,
  type TeamPlan,
} from '@ttc/sim';
import type { Logger } from 'pino';
import { checkpointsAfter, sessionEndCheckpoints, watchState } from '../../replay/checkpoints.js';
import type { LogEntry, SessionStore, StoredCheckpoint } from '../../storage/session-store.js';

/** A command the game accepted in a commit, as logged, with what it did. */
export interface Applied {
  entry: LogEntry;
  outcomes: Outcome[];
}

/** How a commit changes the game: each accepted command is logged under its actor. */
export interface Transaction {
  /** The game being changed: read it to decide what to apply, change it only through `apply`. */
  readonly game: Game;
  /** Applies one command; a refused one changes nothing and is not logged. */
  apply(command: Command, actor: string): CommandResult;
  /** A team's whole plan, all or nothing (the simulation's applyPlan), logged step by step. */
  applyPlan(team: number, plan: TeamPlan, actor: string): PlanResult;
}

export interface CoreOptions {
  sessionId: string;
  newGame: () => Game;
  store: SessionStore;
  logger: Logger;
  /** Sees every logged command applied again when the game is rebuilt from the log (after a restart or a failed write). */
  replayed?: (applied: Applied, game: Game) => void;
  /** The game is about to be rebuilt from the log: what was derived from the old one goes. */
  rebuilding?: () => void;
}

/**
 * A session's game and its durable log. Every change runs through one queue (`serial`), one at
 * a time in arrival order: that is the server's ordering of commands. A change is a commit: its
 * commands are applied, appended to the log and only then seen. While a commit waits for its
 * write, the game holds commands not yet durable, so nothing reads it then: readers outside the
 * queue go through it (`read`), and the `game` getter refuses. A write that fails rebuilds the
 * game from the log before the queue moves on, so what anyone sees is always what the log says.
 */
export class SessionCore {
  private current: Game;
  private queue: Promise<unknown> = Promise.resolve();
  /** The commands the log holds, as this process wrote or read them: what a rebuild replays when the store cannot be read. */
  private acknowledged: LogEntry[] = [];
  /** The game holds commands the log does not yet: a write is in flight. */
  private ahead = false;
  /**
   * A write failed and the store could not be read back: the game was rebuilt from the commands
   * known to be durable, but the store may hold more (a write that landed while its answer was
   * lost). The next change reads the log first.
   */
  private unverified = false;

  constructor(private readonly options: CoreOptions) {
    this.current = options.newGame();
  }

  /** Runs one change at a time, in arrival order. */
  serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Reads the game in the queue: always a state whose every command is durable. */
  read<T>(reader: (game: Game) => T): Promise<T> {
    return this.serial(async () => reader(this.current));
  }

  /** The game as the log has it, for work already in the queue (between commits). */
  get game(): Game {
    if (this.ahead)
      throw new Error(`session ${this.options.sessionId}: the game holds commands not yet durable; read it through the queue`);
    return this.current;
  }

  /** How many commands the log holds. */
  get logLength(): number {
    return this.acknowledged.length;
  }

  private get seq(): number {
    return this.acknowledged.at(-1)?.seq ?? 0;
  }

  /** Rebuilds the game from a stored log (a restart); every logged command was accepted once and must be again. */
  restore(log: readonly LogEntry[]): void {
    this.rebuildFrom(log);
  }

  /**
   * Inside the queue: applies what `work` decides, appends the accepted commands to the log, and
   * resolves once they are durable, with the work's value and what was applied. When the write
   * fails the game is rebuilt from the log (nothing of the commit stays) and the error is thrown.
   */
  async commit<T>(work: (tx: Transaction) => T): Promise<{ value: T; applied: Applied[] }> {
    // A write failed earlier and the store could not say what it holds: ask it again first.
    if (this.unverified) await this.rebuildFromStore();
    const game = this.current;
    const applied: Applied[] = [];
    const checkpoints: StoredCheckpoint[] = [];
    const log = (command: Command, actor: string, tick: number, outcomes: Outcome[]) => {
      const entry: LogEntry = { seq: this.seq + applied.length + 1, tick, command, actor };
      applied.push({ entry, outcomes });
      return entry.seq;
    };
    const tx: Transaction = {
      game,
      apply: (command, actor) => {
        const tick = game.state.globalTick;
        const before = watchState(game);
        const result = applyCommand(game, command);
        if (result.ok) checkpoints.push(...checkpointsAfter(game, before, log(command, actor, tick, result.outcomes)));
        if (result.ok) this.ahead = true;
        return result;
      },
      applyPlan: (team, plan, actor) => {
        const tick = game.state.globalTick;
        const before = watchState(game);
        const result = applyPlan(game, team, plan);
        if (!result.ok) return result;
        this.ahead = true;
        let seq = 0;
        for (const command of result.commands) seq = log(command, actor, tick, []);
        checkpoints.push(...checkpointsAfter(game, before, seq));
        return result;
      },
    };
    let value: T;
    try {
      value = work(tx);
      if (applied.length > 0)
        await this.options.store.appendLog(
          this.options.sessionId,
          applied.map((item) => item.entry),
        );
    } catch (error) {
      if (this.ahead) {
        // Nothing is acknowledged that is not stored: go back to what the log says.
        this.options.logger.error({ err: error, session: this.options.sessionId }, 'could not append to the log; rebuilding from it');
        await this.rebuildFromStore().catch((rebuildError: unknown) => {
          // The store cannot be read either: back to the commands known to be durable, and ask it again before the next change.
          this.options.logger.error(
            { err: rebuildError, session: this.options.sessionId },
            'could not read the log back; rebuilt from memory',
          );
          this.rebuildFrom(this.acknowledged);
          this.unverified = true;
        });
      }
      throw error;
    }
    this.acknowledged.push(...applied.map((item) => item.entry));
    this.ahead = false;
    await this.recordCheckpoints(checkpoints);
    return { value, applied };
  }

  /** The final state of a session the facilitator ends before the game's end, as a checkpoint. */
  recordSessionEnd(): Promise<void> {
    return this.recordCheckpoints(sessionEndCheckpoints(this.current, this.seq));
  }

  /** State hashes for replays to be checked against; the log stays the record, so a failed write only loses these. */
  private async recordCheckpoints(checkpoints: StoredCheckpoint[]): Promise<void> {
    if (checkpoints.length === 0) return;
    await this.options.store
      .appendCheckpoints(this.options.sessionId, checkpoints)
      .catch((error: unknown) => this.options.logger.warn({ err: error, session: this.options.sessionId }, 'could not record checkpoints'));
  }

  private async rebuildFromStore(): Promise<void> {
    this.rebuildFrom(await this.options.store.readLog(this.options.sessionId));
    this.unverified = false;
  }

  /** A new game with the logged commands applied again; afterwards nothing is ahead of the log. */
  private rebuildFrom(log: readonly LogEntry[]): void {
    this.options.rebuilding?.();
    this.current = this.options.newGame();
    this.acknowledged = [];
    this.replay(log);
    this.ahead = false;
  }

  private replay(log: readonly LogEntry[]): void {
    for (const entry of log) {
      const result = applyCommand(this.current, entry.command);
      if (!result.ok)
        throw new Error(`session ${this.options.sessionId}: logged command ${entry.seq} no longer applies (${result.rejection.reason})`);
      this.acknowledged.push(entry);
      this.options.replayed?.({ entry, outcomes: result.outcomes }, this.current);
    }
  }
}
