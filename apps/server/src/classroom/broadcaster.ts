import type { ServerMessage, ServerPush } from '@ttc/protocol';

/** Where a session's news goes. The socket gateway implements it with socket.io rooms. */
export interface Broadcaster {
  toSession(sessionId: string, message: ServerMessage): void;
  /** A team's news; its board may go as a patch of the last one (board-patch.ts in the protocol). */
  toTeam(sessionId: string, team: number, message: ServerPush): void;
  toFacilitator(sessionId: string, message: ServerMessage): void;
  toPlayer(playerId: string, message: ServerMessage): void;
  /** Live connections per player id, for the lobby and the dashboard. */
  connectedPlayers(sessionId: string): Set<string>;
}
