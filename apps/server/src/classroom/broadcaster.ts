import type { ServerMessage } from '@ttc/protocol';

/** Where a session's news goes. The socket gateway implements it with socket.io rooms. */
export interface Broadcaster {
  toSession(sessionId: string, message: ServerMessage): void;
  toTeam(sessionId: string, team: number, message: ServerMessage): void;
  toFacilitator(sessionId: string, message: ServerMessage): void;
  toPlayer(playerId: string, message: ServerMessage): void;
  /** Live connections per player id, for the lobby and the dashboard. */
  connectedPlayers(sessionId: string): Set<string>;
}
