import type { ServerMessage } from '@ttc/protocol';

type LobbyPush = Extract<ServerMessage, { type: 'lobby' }>;

export interface Teammate {
  name: string;
  you: boolean;
  connected: boolean;
}

export interface Roster {
  /** The learner's team, 0-based; undefined when they are no longer seated. */
  team: number | undefined;
  teammates: Teammate[];
  classSize: number;
}

/** The learner's team and teammates from the lobby push: the learner first, then by name. */
export function rosterOf(lobby: Pick<LobbyPush, 'players'> | undefined, playerId: string, fallbackTeam: number): Roster {
  const players = lobby?.players ?? [];
  const me = players.find((player) => player.id === playerId);
  const team = lobby ? me?.team : fallbackTeam;
  const teammates = players
    .filter((player) => player.team === team)
    .map((player) => ({ name: player.name, you: player.id === playerId, connected: player.connected }))
    .sort((a, b) => Number(b.you) - Number(a.you) || a.name.localeCompare(b.name));
  return { team, teammates, classSize: players.length };
}
