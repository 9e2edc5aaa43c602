import { boardOf, type ClientMessage, parseReply, type ReplyOf, type ServerMessage } from '@ttc/protocol';
import { applyCommand, createGame, findScenario, type Scenario, teamView } from '@ttc/sim';
import { describe, expect, it } from 'vitest';
import { ClassPlaySession } from './class-play-session';

const scenario = findScenario('office-supplies') as Scenario;

function boardPush(team = 0, ticks = 4): { message: ServerMessage; previews: Map<number, unknown> } {
  const game = createGame({ scenario, seed: 5, teams: 2, rounds: 2, ticksPerRound: 6, teamNames: ['A', 'B'] });
  for (let tick = 0; tick < ticks; tick++) applyCommand(game, { type: 'tick' });
  const view = teamView(game, team);
  const board = boardOf(game, team);
  if (!view || !board) throw new Error('team exists');
  const previews = new Map(view.cards.map((card) => [card.demand.id, JSON.parse(JSON.stringify(card.previews)) as unknown]));
  return { message: { type: 'board', board: JSON.parse(JSON.stringify(board)) }, previews };
}

const sessionPush = (paused = false): ServerMessage => ({
  type: 'session',
  sessionId: 's1',
  scenarioId: scenario.id,
  status: 'running',
  paused,
  tickMs: 2500,
  round: 1,
  rounds: 2,
  tick: 4,
  ticksPerRound: 6,
  phase: 'operations',
  teamCount: 2,
});

/**
 * A seat with a scripted server: each sent message is kept and answered by `answer`, and the
 * answer must be a valid reply to that message (the protocol's reply schema parses it).
 */
function seat(answer: (message: ClientMessage) => unknown = () => ({ ok: true })) {
  const sent: ClientMessage[] = [];
  const logged: string[] = [];
  const scripted = async <M extends ClientMessage>(message: M): Promise<ReplyOf<M['type']>> => {
    sent.push(message);
    const reply = parseReply<M['type']>(message.type, answer(message));
    if (!reply) throw new Error(`the scripted answer to ${message.type} is not a valid reply`);
    return reply;
  };
  const session = new ClassPlaySession(scenario, 'Ada', 0, scripted, (text) => logged.push(text));
  return { session, sent, logged };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

const brokenOtherTeam: ServerMessage = {
  type: 'promiseBroken',
  team: 1,
  demandId: 8,
  customerName: 'Not ours',
  categoryName: 'Rush delivery',
  hours: 2,
  hoursLeft: 2,
  loyaltyChange: -5,
  refundCents: 0,
  complaint: false,
};

describe('ClassPlaySession', () => {
  it('draws its own team’s board and ignores another team’s', () => {
    const { session } = seat();
    expect(session.hasBoard()).toBe(false);
    session.handle(boardPush(1).message);
    expect(session.hasBoard()).toBe(false);
    session.handle(boardPush(0).message);
    expect(session.view().team).toBe(0);
    expect(session.view().cards.length).toBeGreaterThan(0);
  });

  it('asks once for a selected card’s previews and shows them when they arrive', async () => {
    const { message, previews } = boardPush();
    const { session, sent } = seat((sentMessage) =>
      sentMessage.type === 'preview' ? { ok: true, previews: previews.get(sentMessage.demandId) } : { ok: true },
    );
    session.handle(message);
    const id = session.view().cards[0]?.demand.id as number;
    expect(session.view().cards[0]?.previews).toBeUndefined();
    session.select(id);
    session.select(id);
    await flush();
    expect(sent.filter((item) => item.type === 'preview')).toHaveLength(1);
    expect(session.view().cards[0]?.previews?.accommodate.available).toBe(true);
  });

  it('answers a decision a teammate won gently, naming the teammate', async () => {
    const { session } = seat(() => ({ ok: false, error: { code: 'already-decided', message: 'Demand 3 was already decided.' } }));
    session.handle(boardPush().message);
    const card = session.view().cards[0];
    if (!card) throw new Error('cards arrived');
    session.handle({
      type: 'decided',
      team: 0,
      demandId: card.demand.id,
      decision: 'no',
      by: 'Grace',
      accepted: false,
      loyaltyChange: -2,
      revenueCents: 0,
    });
    const reply = await session.decideCard(card.demand.id, 'accommodate');
    expect(reply).toEqual({ ok: false, message: 'Grace already answered this one.', gentle: true });
  });

  it('takes an answered card off the screen at once, before the next board', async () => {
    const { session } = seat((sent) =>
      sent.type === 'decide' ? { ok: false, error: { code: 'rejected', message: 'not this time' } } : { ok: true },
    );
    session.handle(boardPush().message);
    const [first, second] = session.view().cards;
    if (!first || !second) throw new Error('two cards arrived');
    const before = session.view().cards.length;
    session.handle({
      type: 'decided',
      team: 0,
      demandId: first.demand.id,
      decision: 'no',
      by: 'Grace',
      accepted: false,
      loyaltyChange: -2,
      revenueCents: 0,
    });
    expect(session.view().cards.map((card) => card.demand.id)).not.toContain(first.demand.id);
    expect(session.view().cards).toHaveLength(before - 1);
    // A refused answer leaves the card where it was.
    await session.decideCard(second.demand.id, 'accommodate');
    expect(session.view().cards.map((card) => card.demand.id)).toContain(second.demand.id);
  });

  it('puts teammates’ decisions in the feed and the log, its own only in the feed; a card nobody answered in both and the panel', () => {
    const { session, logged } = seat();
    session.handle(boardPush().message);
    const [first, second, third] = session.view().cards;
    if (!first || !second || !third) throw new Error('three cards arrived');
    const decided = (demandId: number, by: string): ServerMessage => ({
      type: 'decided',
      team: 0,
      demandId,
      decision: by === 'clock' ? 'ignored' : 'premium',
      by,
      accepted: by !== 'clock',
      loyaltyChange: by === 'clock' ? -4 : 1,
      revenueCents: by === 'clock' ? 0 : 2500,
    });
    session.handle(decided(first.demand.id, 'Grace'));
    session.handle(decided(second.demand.id, 'Ada'));
    session.handle(decided(third.demand.id, 'clock'));
    expect(session.teamFeed()).toEqual([
      `Grace: ${first.customerName}, ${first.categoryName} — Premium, paid €25.00, loyalty +1.0`,
      `You: ${second.customerName}, ${second.categoryName} — Premium, paid €25.00, loyalty +1.0`,
      `Nobody: ${third.customerName}, ${third.categoryName} — Ignored (nobody answered in time), loyalty −4.0`,
    ]);
    expect(logged).toEqual([
      `Grace: ${first.customerName}, ${first.categoryName} — Premium, paid €25.00, loyalty +1.0`,
      `Ignored: ${third.customerName} gave up waiting on ${third.categoryName}. Loyalty −4.0.`,
    ]);
    const [missed] = session.advance(0);
    expect(missed?.kind === 'missed' && missed.explanation.headline).toBe(
      `Nobody answered ${third.customerName.split(' ')[0]} in time — loyalty −4.0`,
    );
  });

  it('hears a broken promise as it happens: the feed, the log and the feedback panel', () => {
    const { session, logged } = seat();
    session.handle(boardPush().message);
    session.handle({
      type: 'promiseBroken',
      team: 0,
      demandId: 7,
      customerName: 'Ada Lovelace',
      categoryName: 'Rush delivery',
      hours: 3,
      hoursLeft: 1.5,
      loyaltyChange: -6,
      refundCents: 0,
      complaint: false,
    });
    session.handle({ ...brokenOtherTeam });
    expect(session.teamFeed()).toEqual(['Backlog: Ada Lovelace, Rush delivery — Broken promise (1.5 h not done in time), loyalty −6.0']);
    expect(logged).toEqual(['Broken promise: Ada Lovelace, Rush delivery: 1.5 h of 3.0 h not done in time. Loyalty −6.0.']);
    const events = session.advance(0);
    expect(events).toHaveLength(1);
    expect(events[0]?.kind === 'missed' && events[0].explanation.why).toContain('A broken promise hurts more than a gentle no');
  });

  it('shows the trainer’s clock: paused or the pace, never a speed of its own', () => {
    const { session } = seat();
    session.handle(sessionPush(false));
    expect(session.clock).toBeUndefined();
    expect(session.statusExtra()).toBe('Pace 2.5 s per hour');
    session.handle(sessionPush(true));
    expect(session.statusExtra()).toBe('Paused by your trainer');
    expect(session.clockLabel()).toBe('❚❚ Paused by your trainer');
    expect(session.tickProgress()).toBe(0);
  });

  it('raises the event banner only for its own team', () => {
    const { session } = seat();
    session.handle({ type: 'eventStarted', team: 1, eventId: 'e', name: 'Other', description: 'not ours' });
    session.handle({ type: 'eventStarted', team: 0, eventId: 'e', name: 'Viral complaint', description: 'ours' });
    expect(session.advance(16)).toEqual([{ kind: 'event', name: 'Viral complaint', description: 'ours' }]);
    expect(session.advance(16)).toEqual([]);
  });

  it('keeps the team’s proposals, newest per member, and who committed', async () => {
    const { session, sent, logged } = seat();
    const plan = { build: ['rush-delivery'], retire: [], premiumPrices: {}, optionPrices: {}, hires: 0, restPercent: 0 };
    session.handle({ type: 'planProposed', team: 0, playerId: 'g', by: 'Grace', plan });
    session.handle({ type: 'planProposed', team: 0, playerId: 'g', by: 'Grace', plan: { ...plan, hires: 1 } });
    session.handle({ type: 'planProposed', team: 1, playerId: 'x', by: 'Xavier', plan });
    expect(session.proposals().map((proposal) => [proposal.by, proposal.plan.hires])).toEqual([['Grace', 1]]);
    // Heard as well as seen: only the own team's proposals reach the log.
    expect(logged.filter((line) => line.includes('proposes'))).toHaveLength(2);
    expect(logged.at(-1)).toMatch(/^Grace proposes: build .*hire 1/);
    expect(session.committedBy()).toBeUndefined();
    await session.commitPlan(plan);
    expect(sent.at(-1)).toEqual({ type: 'commitPlan', plan });
    expect(session.committedBy()).toBe('Ada');
    session.handle({ type: 'planCommitted', team: 0, by: 'Grace' });
    expect(session.committedBy()).toBe('Grace');
  });

  it('follows a move to another team: the new team’s board, an empty feed', () => {
    const { session } = seat();
    session.handle(boardPush(0).message);
    session.moveTo(1);
    expect(session.team).toBe(1);
    session.handle(boardPush(1).message);
    expect(session.view().team).toBe(1);
    expect(session.teamFeed()).toEqual([]);
  });

  it('rebuilds the team feed a reload would lose from the server’s teamFeed, heard once in the log', () => {
    const { session, logged } = seat();
    const entry = { decision: 'accommodate' as const, accepted: false, loyaltyChange: 6.1, revenueCents: 0, categoryName: 'Rush delivery' };
    session.handle({
      type: 'teamFeed',
      team: 0,
      decisions: [
        { ...entry, by: 'Grace', customerName: 'Lin Wu' },
        { ...entry, by: 'Ada', customerName: 'Bo Li' },
      ],
    });
    session.handle({ type: 'teamFeed', team: 1, decisions: [{ ...entry, by: 'Xavier', customerName: 'Not ours' }] });
    expect(session.teamFeed()).toEqual([
      'Grace: Lin Wu, Rush delivery — Accommodate, loyalty +6.1',
      'You: Bo Li, Rush delivery — Accommodate, loyalty +6.1',
    ]);
    expect(logged).toEqual([
      'Your team’s latest decisions: Grace: Lin Wu, Rush delivery — Accommodate, loyalty +6.1; You: Bo Li, Rush delivery — Accommodate, loyalty +6.1.',
    ]);
    // A reconnect sends it again: the feed is the same, the log does not repeat it.
    session.handle({ type: 'teamFeed', team: 0, decisions: [{ ...entry, by: 'Grace', customerName: 'Lin Wu' }] });
    expect(logged).toHaveLength(1);
  });

  it('says who sits here, and passes on the server’s refusal of a decision while the class is paused', async () => {
    const { session } = seat(() => ({
      ok: false,
      error: { code: 'paused', message: 'Your trainer has paused the class: decide again when it resumes.' },
    }));
    expect(session.seatLabel()).toBe('Team 1 · you are Ada');
    session.handle(sessionPush(true));
    session.handle(boardPush().message);
    expect(session.paused()).toBe(true);
    const card = session.view().cards[0];
    if (!card) throw new Error('cards arrived');
    expect(await session.decideCard(card.demand.id, 'no')).toEqual({
      ok: false,
      message: 'Your trainer has paused the class: decide again when it resumes.',
      gentle: false,
    });
    expect(session.view().cards[0]?.demand.id).toBe(card.demand.id);
  });
});
