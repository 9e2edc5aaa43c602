import type { Scenario } from '../scenario/scenario-schema.js';
import type { GameState, TeamState } from './game-state.js';

/** A game: the scenario it plays and its state. Only `state` changes, and only through commands. */
export interface Game {
  readonly scenario: Scenario;
  state: GameState;
}

export function teamOf(game: Game, team: number): TeamState | undefined {
  return game.state.teams[team];
}
