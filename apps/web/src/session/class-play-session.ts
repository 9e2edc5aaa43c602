import { type Board, classroomTeamNames, type Plan, type ReplyOf, type Send, type ServerMessage } from '@ttc/protocol';
import type { Decision, DecisionPreviews, Scenario } from '@ttc/sim';
import { accumulateFigures, boardView, type FigurePoint, type PlayView } from '../view-model/board-view';
import { explainBrokenPromise, explainIgnored } from '../view-model/explain-missed';
import { planSummary, teamDecisionText } from '../view-model/team-feed';
import type { DecideReply, PlanReply, PlayEvent, PlaySession, Proposal, TeamPlanning } from './play-session';

type SessionPush = Extract<ServerMessage, { type: 'session' }>;

export type { Proposal } from './play-session';

const FEED_LENGTH = 6;

/**
 * A learner's seat in a class, as the operations and planning screens see it. The server runs
 * the simulation; this keeps the team's latest board, the previews asked for, the team's
 * recent decisions and plan proposals, and sends what the learner decides.
 */
export class ClassPlaySession implements PlaySession, TeamPlanning {
  readonly mode = 'class';
  feedback = true;
  readonly clock = undefined;
  readonly tutorial = false;
  readonly record = undefined;
  private board: Board | undefined;
  private session: SessionPush | undefined;
  private readonly previews = new Map<number, DecisionPreviews>();
  private readonly asked = new Set<number>();
  private readonly pending = new Set<number>();
  /** Who decided each demand, for a gentle "already answered" and the feed. */
  private readonly decidedBy = new Map<number, string>();
  private events: PlayEvent[] = [];
  private history: (FigurePoint & { key: string })[] = [];
  private readonly feedLines: string[] = [];
  private readonly proposalsByPlayer = new Map<string, Proposal>();
  private committer: string | undefined;
  private lastTick = '';
  private tickSeenAt = 0;
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly scenario: Scenario,
    readonly playerName: string,
    public team: number,
    private readonly send: Send,
    /** Writes a line to the page's log (role="log"). */
    private readonly log: (text: string) => void = () => {},
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Takes in one push from the server. */
  handle(message: ServerMessage): void {
    switch (message.type) {
      case 'session':
        this.session = message;
        this.noteTick(`${message.round}:${message.tick}`);
        if (message.phase !== 'planning') {
          this.proposalsByPlayer.clear();
          this.committer = undefined;
        }
        break;
      case 'board': {
        const { board } = message;
        if (board.team !== this.team) return;
        if (this.board && (board.round !== this.board.round || board.phase !== this.board.phase)) this.newPhase(board);
        this.board = board;
        this.noteTick(`${board.round}:${board.tick}`);
        this.history = accumulateFigures(this.history, board);
        if (!board.planCommitted) this.committer = undefined;
        // Previews of cards no longer waiting are of no use.
        const waiting = new Set(board.cards.map((card) => card.demand.id));
        for (const id of this.previews.keys()) if (!waiting.has(id)) this.previews.delete(id);
        for (const id of this.asked) if (!waiting.has(id)) this.asked.delete(id);
        for (const id of this.decidedBy.keys()) if (!waiting.has(id)) this.decidedBy.delete(id);
        break;
      }
      case 'decided': {
        if (message.team !== this.team) return;
        this.decidedBy.set(message.demandId, message.by);
        const card = this.board?.cards.find((candidate) => candidate.demand.id === message.demandId);
        const by = message.by === this.playerName ? 'You' : message.by;
        const line = teamDecisionText({ ...message, by }, card, this.scenario.currency);
        this.addFeedLine(line);
        if (message.by === 'clock') {
          // Nobody answered in time: said as in solo play, heard at once, and shown in the feedback panel.
          const explanation = explainIgnored(message.loyaltyChange, card && { ...card, previews: this.previews.get(card.demand.id) });
          this.log(explanation.log);
          this.events.push({ kind: 'missed', explanation });
          break;
        }
        // Your own decisions are explained in full by the screen; the team's go to the log here.
        if (message.by !== this.playerName) this.log(line);
        break;
      }
      case 'promiseBroken': {
        if (message.team !== this.team) return;
        const explanation = explainBrokenPromise(message, this.scenario.currency);
        this.addFeedLine(
          teamDecisionText(
            { ...message, decision: 'broken-promise', by: 'clock', accepted: false, revenueCents: 0 },
            message,
            this.scenario.currency,
          ),
        );
        this.log(explanation.log);
        this.events.push({ kind: 'missed', explanation });
        break;
      }
      case 'teamFeed':
        // Sent when the seat is taken (again): the team's latest decisions, so a reload starts with them.
        if (message.team !== this.team) return;
        // Back after a reload (the feed was empty): heard once, as it is seen.
        if (this.feedLines.length === 0 && message.decisions.length > 0)
          this.log(
            `Your team’s latest decisions: ${message.decisions.map((entry) => teamDecisionText({ ...entry, by: entry.by === this.playerName ? 'You' : entry.by }, entry, this.scenario.currency)).join('; ')}.`,
          );
        this.feedLines.splice(
          0,
          this.feedLines.length,
          ...message.decisions
            .map((entry) =>
              teamDecisionText({ ...entry, by: entry.by === this.playerName ? 'You' : entry.by }, entry, this.scenario.currency),
            )
            .slice(-FEED_LENGTH),
        );
        break;
      case 'eventStarted':
        if (message.team !== this.team) return;
        this.events.push({ kind: 'event', name: message.name, description: message.description });
        break;
      case 'planProposed':
        if (message.team !== this.team) return;
        this.proposalsByPlayer.set(message.playerId, { playerId: message.playerId, by: message.by, plan: message.plan });
        // Teammates' proposals are heard as well as seen (your own is logged by the planning screen).
        if (message.by !== this.playerName) this.log(`${message.by} proposes: ${planSummary(message.plan, this.scenario)}.`);
        break;
      case 'planCommitted':
        if (message.team !== this.team) return;
        this.committer = message.by;
        break;
      default:
        return;
    }
    for (const listener of this.listeners) listener();
  }

  private addFeedLine(line: string): void {
    this.feedLines.push(line);
    if (this.feedLines.length > FEED_LENGTH) this.feedLines.shift();
  }

  /** The trainer moved the learner to another team: nothing of the old team's board applies. */
  moveTo(team: number): void {
    if (team === this.team) return;
    this.team = team;
    // The old board stays on screen until the new team's arrives (the server sends it at once).
    this.history = [];
    this.feedLines.length = 0;
    this.previews.clear();
    this.asked.clear();
    this.proposalsByPlayer.clear();
    this.committer = undefined;
  }

  private newPhase(board: Board): void {
    this.previews.clear();
    this.asked.clear();
    this.decidedBy.clear();
    if (board.phase === 'operations') this.feedLines.length = 0;
    // What was missed in the round just over was heard in the log; the next round's panel starts afresh.
    this.events = this.events.filter((event) => event.kind !== 'missed');
  }

  private noteTick(key: string): void {
    if (key === this.lastTick) return;
    this.lastTick = key;
    this.tickSeenAt = this.now();
  }

  /** Calls the listener whenever something the screens draw changed; returns the unsubscribe. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  hasBoard(): boolean {
    return this.board !== undefined;
  }

  /** The latest session push: status, phase, the clock. */
  sessionState(): SessionPush | undefined {
    return this.session;
  }

  /** The trainer has paused the class: the clock stands and decisions wait. */
  paused(): boolean {
    return this.session?.paused ?? false;
  }

  /** The team's name as the class knows it ("Team 2"). */
  teamName(): string {
    return classroomTeamNames(this.team + 1)[this.team] ?? `Team ${this.team + 1}`;
  }

  /** Who sits here, for the top of the board: "Team 2 · you are Ada". */
  seatLabel(): string {
    return `${this.teamName()} · you are ${this.playerName}`;
  }

  view(): PlayView {
    if (!this.board) throw new Error('no board yet: the learner flow shows the board once one has arrived');
    // A card answered by anyone leaves the screen at once: the board that drops it comes up to a
    // second later (the server sends boards after a burst of decisions), and a second press on
    // it would only be refused.
    const board =
      this.decidedBy.size === 0
        ? this.board
        : { ...this.board, cards: this.board.cards.filter((card) => !this.decidedBy.has(card.demand.id)) };
    return boardView(board, this.previews);
  }

  /** Pushes are collected as they arrive; the screen takes them once per frame. */
  advance(_deltaMs: number): PlayEvent[] {
    const events = this.events;
    this.events = [];
    return events;
  }

  tickProgress(): number {
    const session = this.session;
    if (!session || session.paused || session.phase !== 'operations') return 0;
    return Math.min(1, (this.now() - this.tickSeenAt) / Math.max(1, session.tickMs));
  }

  clockLabel(): string {
    return this.session?.paused ? '❚❚ Paused by your trainer' : `▶ ${this.pace()}`;
  }

  statusExtra(): string {
    return this.session?.paused ? 'Paused by your trainer' : `Pace ${this.pace()}`;
  }

  private pace(): string {
    const seconds = (this.session?.tickMs ?? 0) / 1000;
    return `${seconds < 10 ? seconds.toFixed(1).replace(/\.0$/, '') : Math.round(seconds)} s per hour`;
  }

  recentFigures(): FigurePoint[] {
    return this.history;
  }

  /** The team's latest decisions, newest last, e.g. "Grace: Ada Lovelace, Gift wrap — Premium…". */
  teamFeed(): readonly string[] {
    return this.feedLines;
  }

  /** Asks for a card's previews once; the card shows "…" until they arrive. */
  select(demandId: number): void {
    if (this.previews.has(demandId) || this.asked.has(demandId)) return;
    this.asked.add(demandId);
    void this.send({ type: 'preview', demandId }).then((reply) => {
      if (reply.ok && this.asked.has(demandId)) {
        this.previews.set(demandId, reply.previews);
        for (const listener of this.listeners) listener();
      } else this.asked.delete(demandId);
    });
  }

  async decideCard(demandId: number, decision: Decision): Promise<DecideReply> {
    const card = this.board?.cards.find((candidate) => candidate.demand.id === demandId);
    if (!card) return { ok: false, message: 'That request is no longer waiting.', gentle: true };
    if (this.pending.has(demandId)) return { ok: false, message: 'Your answer to this one is on its way.', gentle: true };
    this.pending.add(demandId);
    const reply = await this.send({ type: 'decide', demandId, decision });
    this.pending.delete(demandId);
    const withPreviews = { ...card, previews: this.previews.get(demandId) };
    if (reply.ok) {
      this.decidedBy.set(demandId, this.playerName);
      return { ok: true, outcome: reply.outcome, card: withPreviews };
    }
    if (reply.error.code === 'already-decided') {
      const by = this.decidedBy.get(demandId);
      const who = by && by !== this.playerName ? (by === 'bot' ? 'The team bot' : by) : 'A teammate';
      return { ok: false, message: `${who} already answered this one.`, gentle: true };
    }
    return { ok: false, message: reply.error.message, gentle: false };
  }

  // ——— Planning, shared by the team ————————————————————————————————

  proposals(): Proposal[] {
    return [...this.proposalsByPlayer.values()];
  }

  /** Who committed the team's plan this round, when someone has. */
  committedBy(): string | undefined {
    if (this.committer) return this.committer;
    return this.board?.planCommitted ? 'a teammate' : undefined;
  }

  async propose(plan: Plan): Promise<ReplyOf<'proposePlan'>> {
    return this.send({ type: 'proposePlan', plan });
  }

  /** The team shares planning: proposals, and any member may commit. */
  get teamPlanning(): TeamPlanning {
    return this;
  }

  async commitPlan(plan: Plan): Promise<PlanReply> {
    const reply = await this.send({ type: 'commitPlan', plan });
    if (!reply.ok) return { ok: false, message: reply.error.message };
    if (!this.committer) {
      this.committer = this.playerName;
      for (const listener of this.listeners) listener();
    }
    // The trainer starts the next round for everyone.
    return { ok: true, nextRoundStarted: false };
  }
}
