import { SERVER_EVENT, type ServerMessage } from '@ttc/protocol';
import type { Server, Socket } from 'socket.io';
import type { Broadcaster } from './broadcaster.js';

/** Who a socket is, once it has joined, attached or hosted. */
export interface Attachment {
  role: 'none' | 'player' | 'facilitator';
  sessionId?: string;
  playerId?: string;
}

const room = {
  session: (id: string) => `s:${id}`,
  team: (id: string, team: number) => `s:${id}:t:${team}`,
  facilitator: (id: string) => `s:${id}:f`,
  player: (id: string) => `p:${id}`,
};

/**
 * Where a session's news goes, as socket.io rooms: the session, each team, the facilitator and
 * each player (all of a player's open tabs). Seating a socket puts it in its rooms and sends it
 * the messages its session says it needs at once.
 */
export class SocketRooms implements Broadcaster {
  constructor(private readonly io: Server) {}

  toSession(sessionId: string, message: ServerMessage): void {
    this.io.to(room.session(sessionId)).emit(SERVER_EVENT, message);
  }

  toTeam(sessionId: string, team: number, message: ServerMessage): void {
    this.io.to(room.team(sessionId, team)).emit(SERVER_EVENT, message);
  }

  toFacilitator(sessionId: string, message: ServerMessage): void {
    this.io.to(room.facilitator(sessionId)).emit(SERVER_EVENT, message);
  }

  toPlayer(playerId: string, message: ServerMessage): void {
    this.io.to(room.player(playerId)).emit(SERVER_EVENT, message);
    if (message.type === 'removed') this.io.in(room.player(playerId)).disconnectSockets(true);
  }

  connectedPlayers(sessionId: string): Set<string> {
    const connected = new Set<string>();
    const members = this.io.sockets.adapter.rooms.get(room.session(sessionId));
    for (const socketId of members ?? []) {
      const data = this.io.sockets.sockets.get(socketId)?.data as Attachment | undefined;
      if (data?.role === 'player' && data.playerId) connected.add(data.playerId);
    }
    return connected;
  }

  seatPlayer(socket: Socket, attachment: Attachment, sessionId: string, playerId: string, team: number, welcome: ServerMessage[]): void {
    this.leaveRooms(socket);
    attachment.role = 'player';
    attachment.sessionId = sessionId;
    attachment.playerId = playerId;
    void socket.join([room.session(sessionId), room.team(sessionId, team), room.player(playerId)]);
    for (const message of welcome) socket.emit(SERVER_EVENT, message);
  }

  seatFacilitator(socket: Socket, attachment: Attachment, sessionId: string, welcome: ServerMessage[]): void {
    this.leaveRooms(socket);
    attachment.role = 'facilitator';
    attachment.sessionId = sessionId;
    delete attachment.playerId;
    void socket.join([room.session(sessionId), room.facilitator(sessionId)]);
    for (const message of welcome) socket.emit(SERVER_EVENT, message);
  }

  /** A moved player's open sockets follow them to their new team's room. */
  reseat(sessionId: string, teamCount: number, playerId: string, team: number, welcome: ServerMessage[]): void {
    for (let other = 0; other < teamCount; other++) this.io.in(room.player(playerId)).socketsLeave(room.team(sessionId, other));
    this.io.in(room.player(playerId)).socketsJoin(room.team(sessionId, team));
    for (const message of welcome) this.io.to(room.player(playerId)).emit(SERVER_EVENT, message);
  }

  private leaveRooms(socket: Socket): void {
    for (const name of socket.rooms) if (name !== socket.id) void socket.leave(name);
  }
}
