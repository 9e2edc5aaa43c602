import { type ClientMessage, FACILITATOR_MESSAGES, failure, PLAYER_MESSAGES, type ServerReply } from '@ttc/protocol';
import type { ClassroomSession } from './classroom-session.js';
import type { SessionRegistry } from './session-registry.js';

/** The messages that act on the session a socket is attached to. */
export type SessionCommand = Exclude<ClientMessage, { type: 'host' | 'join' | 'attach' | 'attachFacilitator' }>;

export interface Attachment {
  role: 'none' | 'player' | 'facilitator';
  sessionId?: string;
  playerId?: string;
}

/**
 * Checks that the sender may send the message (a player's own team, or the facilitator's
 * controls) and hands it to its session. `reseat` moves a moved player's open sockets.
 */
export async function runSessionCommand(
  registry: SessionRegistry,
  attachment: Attachment,
  message: SessionCommand,
  reseat: (session: ClassroomSession, playerId: string, team: number) => void,
): Promise<ServerReply> {
  const session = attachment.sessionId ? registry.get(attachment.sessionId) : undefined;
  if (!session || attachment.role === 'none') return failure('not-attached', 'Join or attach to a session first.');
  const isFacilitatorMessage = (FACILITATOR_MESSAGES as readonly string[]).includes(message.type);
  const isPlayerMessage = (PLAYER_MESSAGES as readonly string[]).includes(message.type);
  if (isFacilitatorMessage && attachment.role !== 'facilitator')
    return failure('forbidden', `Only the facilitator may send "${message.type}".`);
  if (isPlayerMessage && attachment.role !== 'player') return failure('forbidden', `Only a seated player may send "${message.type}".`);
  const player = attachment.playerId ? session.players.get(attachment.playerId) : undefined;
  const unseated = failure('unknown-token', 'You are no longer seated in this session.');
  switch (message.type) {
    case 'decide':
      if (!player || player.removed) return unseated;
      return session.decide(player, message.demandId, message.decision);
    case 'commitPlan':
      if (!player || player.removed) return unseated;
      return session.commitPlan(player, message.plan);
    case 'proposePlan':
      if (!player || player.removed) return unseated;
      return session.proposePlan(player, message.plan);
    case 'preview':
      if (!player || player.removed) return unseated;
      return session.preview(player, message.demandId);
    case 'start':
      return registry.checkStart(session) ?? session.start();
    case 'pause':
      return session.setPaused(true);
    case 'resume':
      return session.setPaused(false);
    case 'setSpeed':
      return session.setSpeed(message.tickMs);
    case 'nextRound':
      return session.nextRound();
    case 'injectEvent':
      return session.injectEvent(message.target, message.eventId);
    case 'movePlayer': {
      const result = await session.movePlayer(message.playerId, message.team);
      if (result.ok) reseat(session, message.playerId, message.team);
      return result;
    }
    case 'removePlayer':
      return session.removePlayer(message.playerId);
    case 'removePlayers':
      return session.removePlayers(message.playerIds);
    case 'lockJoining':
      return session.lockJoining(message.locked);
    case 'end':
      return session.end();
  }
}
