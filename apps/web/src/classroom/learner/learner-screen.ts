import type { ServerMessage } from '@ttc/protocol';
import type { PlayView } from '../../view-model/board-view';

export type LearnerScreen = { screen: 'waiting' | 'operations' | 'planning' | 'debrief'; key: string };

/**
 * Which screen a learner should see, from the latest session push and the team's board. The
 * board must have caught up with the session (the server sends the session first), so a
 * new round's operations or planning never opens on the previous phase's board. Undefined:
 * stay where you are until the board arrives.
 */
export function learnerScreen(
  session: Pick<Extract<ServerMessage, { type: 'session' }>, 'status' | 'phase' | 'round'>,
  view: Pick<PlayView, 'phase' | 'round'> | undefined,
): LearnerScreen | undefined {
  if (session.status === 'ended' || session.phase === 'ended') return { screen: 'debrief', key: 'debrief' };
  if (session.status === 'lobby') return { screen: 'waiting', key: 'waiting' };
  if (!view || view.phase !== session.phase || view.round !== session.round) return undefined;
  const screen = session.phase === 'planning' ? 'planning' : 'operations';
  return { screen, key: `${screen}:${session.round}` };
}
