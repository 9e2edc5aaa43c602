import {
  type ClientMessage,
  type ClientMessageType,
  FACILITATOR_MESSAGES,
  failure,
  PLAYER_MESSAGES,
  type ReplyOf,
  type ServerMessage,
  spacedJoinCode,
} from '@ttc/protocol';
import type { StoredPlayer } from '../storage/session-store.js';
import type { ClassroomSession } from './classroom-session.js';
import { hashSecret } from './secrets.js';
import type { SessionRegistry } from './session-registry.js';
import type { Attachment } from './socket-rooms.js';

type Message<T extends ClientMessageType> = Extract<ClientMessage, { type: T }>;

/** Where a socket sits once its message is handled, and what it must be sent at once. */
export type Seating =
  | { kind: 'player'; sessionId: string; playerId: string; team: number; welcome: ServerMessage[] }
  | { kind: 'facilitator'; sessionId: string; welcome: ServerMessage[] }
  /** A player the facilitator moved: their sockets follow them to the new team. */
  | { kind: 'moved'; sessionId: string; teamCount: number; playerId: string; team: number; welcome: ServerMessage[] };

export interface Routed<T extends ClientMessageType> {
  reply: ReplyOf<T>;
  seat?: Seating;
}

/** Who sent a message: their seat so far, and the address the caps per address count under (none for loopback). */
export interface Sender {
  attachment: Attachment;
  hostAddress: string | undefined;
}

/** The links a lobby shows for a join code. */
export interface JoinLinks {
  joinUrl(joinCode: string): string;
  /** The same link on this machine's LAN addresses, when the join link points at localhost. */
  lanJoinUrls(joinCode: string): string[];
}

type Handlers = { [T in ClientMessageType]: (message: Message<T>, sender: Sender) => Promise<Routed<T>> };

const done = <T extends ClientMessageType>(reply: ReplyOf<T>): Routed<T> => ({ reply });

/**
 * What each client message does, once the gateway has checked its form and its rate: who may send
 * it (a player for their own team, the facilitator for the controls), which session it is for,
 * and the reply, typed by the message (`ReplyOf`). Seating a socket is said, not done: the
 * gateway puts it in its rooms.
 */
export class MessageRouter {
  private readonly handlers: Handlers;

  constructor(
    private readonly registry: SessionRegistry,
    private readonly links: JoinLinks,
  ) {
    this.handlers = this.makeHandlers();
  }

  route<T extends ClientMessageType>(message: Message<T>, sender: Sender): Promise<Routed<T>> {
    const handler = this.handlers[message.type] as (message: Message<T>, sender: Sender) => Promise<Routed<T>>;
    return handler(message, sender);
  }

  private joining(session: ClassroomSession) {
    return {
      sessionId: session.id,
      joinCode: session.joinCode,
      joinUrl: this.links.joinUrl(session.joinCode),
      lanJoinUrls: this.links.lanJoinUrls(session.joinCode),
    };
  }

  private async seatPlayer(session: ClassroomSession, player: StoredPlayer): Promise<Seating> {
    const welcome = await session.welcomePlayer(player.team);
    return { kind: 'player', sessionId: session.id, playerId: player.id, team: player.team, welcome };
  }

  private async seatFacilitator(session: ClassroomSession): Promise<Seating> {
    return { kind: 'facilitator', sessionId: session.id, welcome: await session.welcomeFacilitator() };
  }

  /** The session the sender is attached to, in the role the message needs; or the refusal. */
  private attached(message: ClientMessage, sender: Sender) {
    const { attachment } = sender;
    const session = attachment.sessionId ? this.registry.get(attachment.sessionId) : undefined;
    if (!session || attachment.role === 'none') return { refused: failure('not-attached', 'Join or attach to a session first.') };
    if ((FACILITATOR_MESSAGES as readonly string[]).includes(message.type) && attachment.role !== 'facilitator')
      return { refused: failure('forbidden', `Only the facilitator may send "${message.type}".`) };
    if ((PLAYER_MESSAGES as readonly string[]).includes(message.type) && attachment.role !== 'player')
      return { refused: failure('forbidden', `Only a seated player may send "${message.type}".`) };
    const player = attachment.playerId ? session.seats.seatedPlayer(attachment.playerId) : undefined;
    return { session, player };
  }

  /** A control for the facilitator's session. */
  private control<T extends ClientMessageType>(act: (session: ClassroomSession, message: Message<T>) => Promise<ReplyOf<T>>) {
    return async (message: Message<T>, sender: Sender): Promise<Routed<T>> => {
      const found = this.attached(message, sender);
      if ('refused' in found) return done<T>(found.refused);
      return done<T>(await act(found.session, message));
    };
  }

  /** A player's move, for their own team. */
  private play<T extends ClientMessageType>(
    act: (session: ClassroomSession, player: StoredPlayer, message: Message<T>) => Promise<ReplyOf<T>>,
  ) {
    return async (message: Message<T>, sender: Sender): Promise<Routed<T>> => {
      const found = this.attached(message, sender);
      if ('refused' in found) return done<T>(found.refused);
      if (!found.player) return done<T>(failure('unknown-token', 'You are no longer seated in this session.'));
      return done<T>(await act(found.session, found.player, message));
    };
  }

  private makeHandlers(): Handlers {
    const { registry } = this;
    return {
      host: async (message, sender) => {
        const wrong = registry.policy.checkPasscode(message.passcode);
        if (wrong) return done(wrong);
        const hosted = await registry.host(message.settings, sender.hostAddress);
        if (!hosted.ok) return done(hosted);
        const { session, facilitatorKey } = hosted;
        return { reply: { ok: true, ...this.joining(session), facilitatorKey }, seat: await this.seatFacilitator(session) };
      },
      join: async (message) => {
        const session = registry.byCode(message.joinCode);
        if (!session)
          return done(
            failure('unknown-join-code', `No session has the code ${spacedJoinCode(message.joinCode)}: check it with your trainer.`),
          );
        const joined = await registry.join(session, message.name);
        if (!joined.ok) return done(joined);
        const { player, token } = joined;
        return {
          reply: { ok: true, token, playerId: player.id, team: player.team, sessionId: session.id },
          seat: await this.seatPlayer(session, player),
        };
      },
      attach: async (message) => {
        const found = registry.forToken(message.token);
        if (!found) return done(failure('unknown-token', 'That seat no longer exists: join again with the code.'));
        const { session, player } = found;
        return {
          reply: { ok: true, playerId: player.id, team: player.team, sessionId: session.id, name: player.name },
          seat: await this.seatPlayer(session, player),
        };
      },
      attachFacilitator: async (message) => {
        const session = registry.forFacilitator(message.sessionId, message.facilitatorKey);
        if (!session) return done(await this.unknownSession(message.sessionId, message.facilitatorKey));
        return { reply: { ok: true, ...this.joining(session) }, seat: await this.seatFacilitator(session) };
      },
      decide: this.play((session, player, message) => session.decide(player, message.demandId, message.decision)),
      commitPlan: this.play((session, player, message) => session.commitPlan(player, message.plan)),
      proposePlan: this.play((session, player, message) => session.proposePlan(player, message.plan)),
      preview: this.play((session, player, message) => session.preview(player, message.demandId)),
      start: this.control((session) => Promise.resolve(registry.checkStart(session) ?? session.start())),
      pause: this.control((session) => session.setPaused(true)),
      resume: this.control((session) => session.setPaused(false)),
      setSpeed: this.control((session, message) => session.setSpeed(message.tickMs)),
      nextRound: this.control((session) => session.nextRound()),
      injectEvent: this.control((session, message) => session.injectEvent(message.target, message.eventId)),
      movePlayer: async (message, sender) => {
        const found = this.attached(message, sender);
        if ('refused' in found) return done(found.refused);
        const { session } = found;
        const reply = await session.movePlayer(message.playerId, message.team);
        if (!reply.ok) return done(reply);
        const welcome = await session.welcomeToTeam(message.team);
        return {
          reply,
          seat: {
            kind: 'moved',
            sessionId: session.id,
            teamCount: session.settings.teamCount,
            playerId: message.playerId,
            team: message.team,
            welcome,
          },
        };
      },
      removePlayer: this.control(async (session, message) => {
        const removed = await session.removePlayers([message.playerId]);
        return removed.ok ? { ok: true } : removed;
      }),
      removePlayers: this.control((session, message) => session.removePlayers(message.playerIds)),
      lockJoining: this.control((session, message) => session.lockJoining(message.locked)),
      end: this.control((session) => session.end()),
    };
  }

  /** A wrong key or an unknown id; a session set aside at restart is named as such to the holder of its key. */
  private async unknownSession(sessionId: string, facilitatorKey: string) {
    const reason = this.registry.damaged.get(sessionId);
    if (reason !== undefined) {
      const stored = await this.registry.store.getSession(sessionId);
      if (stored?.facilitatorKeyHash === hashSecret(facilitatorKey))
        return failure(
          'session-damaged',
          `This class could not be resumed after the server restarted (${reason}). Its record is kept: open its log or results from past classes.`,
        );
    }
    return failure('unknown-session', 'No session with that id and key.');
  }
}
