import { SERVER_EVENT, type ServerMessage } from '@ttc/protocol';
import type { Server, Socket } from 'socket.io';
import type { Broadcaster } from './broadcaster.js';
import type { ClassroomSession } from './classroom-session.js';
import type { Attachment } from './session-commands.js';

const room = {
  session: (id: string) => `s:${id}`,
  team: (id: string, team: number) => `s:${id}:t:${team}`,
  facilitator: (id: string) => `s:${id}:f`,
  player: (id: string) => `p:${id}`,
};

/**
 * Where a session's news goes, as socket.io rooms: the session, each team, the facilitator and
 * each player (all of a player's open tabs). Seating a socket puts it in its rooms and sends it
 * what it needs to draw at once.
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

  seatPlayer(socket: Socket, attachment: Attachment, session: ClassroomSession, playerId: string, team: number): void {
    this.leaveRooms(socket);
    attachment.role = 'player';
    attachment.sessionId = session.id;
    attachment.playerId = playerId;
    void socket.join([room.session(session.id), room.team(session.id, team), room.player(playerId)]);
    socket.emit(SERVER_EVENT, session.sessionMessage());
    const board = session.boardMessage(team);
    if (board) socket.emit(SERVER_EVENT, board);
    for (const proposal of session.proposalsOf(team)) socket.emit(SERVER_EVENT, proposal);
    socket.emit(SERVER_EVENT, session.teamFeedMessage(team));
    // The newcomer hears the roster at once; everyone else with the next (throttled) lobby.
    socket.emit(SERVER_EVENT, session.lobbyMessage());
    session.publishLobby();
  }

  seatFacilitator(socket: Socket, attachment: Attachment, session: ClassroomSession): void {
    this.leaveRooms(socket);
    attachment.role = 'facilitator';
    attachment.sessionId = session.id;
    delete attachment.playerId;
    void socket.join([room.session(session.id), room.facilitator(session.id)]);
    socket.emit(SERVER_EVENT, session.sessionMessage());
    socket.emit(SERVER_EVENT, session.lobbyMessage());
    socket.emit(SERVER_EVENT, session.dashboardMessage());
  }

  /** A moved player's open sockets follow them to their new team's room. */
  reseat(session: ClassroomSession, playerId: string, team: number): void {
    for (let other = 0; other < session.settings.teamCount; other++)
      this.io.in(room.player(playerId)).socketsLeave(room.team(session.id, other));
    this.io.in(room.player(playerId)).socketsJoin(room.team(session.id, team));
    const board = session.boardMessage(team);
    if (board) this.io.to(room.player(playerId)).emit(SERVER_EVENT, board);
    this.io.to(room.player(playerId)).emit(SERVER_EVENT, session.teamFeedMessage(team));
  }

  private leaveRooms(socket: Socket): void {
    for (const name of socket.rooms) if (name !== socket.id) void socket.leave(name);
  }
}
