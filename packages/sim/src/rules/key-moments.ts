import type { GameState, KeyMomentKind, TeamState } from '../state/game-state.js';

export function markMoment(state: GameState, team: TeamState, kind: KeyMomentKind, text: string): void {
  team.keyMoments.push({ kind, round: state.round, tick: state.globalTick, text });
}

/** Three or more complaints within three ticks make a storm: worth a debrief discussion. */
export function noteComplaint(state: GameState, team: TeamState): void {
  team.recentComplaintTicks.push(state.globalTick);
  if (team.recentComplaintTicks.length > 3) team.recentComplaintTicks.shift();
  const oldest = team.recentComplaintTicks[0] ?? state.globalTick;
  if (team.recentComplaintTicks.length === 3 && state.globalTick - oldest <= 3 && team.marked.stormRound !== state.round) {
    team.marked.stormRound = state.round;
    markMoment(state, team, 'complaint-storm', 'Complaint storm: three public complaints in quick succession.');
  }
}

export function noteCash(state: GameState, team: TeamState): void {
  if (team.cashCents < 0 && !team.marked.cashCrisis) {
    team.marked.cashCrisis = true;
    markMoment(state, team, 'cash-crisis', 'Cash crisis: the account went into overdraft.');
  }
}

export function noteExhaustion(state: GameState, team: TeamState, meanExhaustion: number): void {
  if (meanExhaustion >= 70 && !team.marked.exhaustionHigh) {
    team.marked.exhaustionHigh = true;
    markMoment(state, team, 'exhaustion-high', 'Burnout warning: average staff exhaustion passed 70.');
  }
}
