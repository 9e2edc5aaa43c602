import type { ClassroomConnection } from '../connection';
import type { PlayerCredentials } from '../credentials';
import { openClassScreen } from '../router';

/**
 * Follows the session for a seated learner: the waiting room in the lobby, the team's board
 * during operations, planning between rounds, the debriefs at the end.
 */
export function startLearnerFlow(_connection: ClassroomConnection, _credentials: PlayerCredentials, _team: number): void {
  void openClassScreen('waiting');
}
