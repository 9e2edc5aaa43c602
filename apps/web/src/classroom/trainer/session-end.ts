import type { ClassroomConnection } from '../connection';
import type { ScreenContext } from '../screen-types';

/** Opens the class debrief as soon as the session ends, whoever ended it; returns the unsubscribe. */
export function followSessionEnd(connection: ClassroomConnection, go: ScreenContext['go']): () => void {
  if (connection.latest('session')?.status === 'ended') {
    queueMicrotask(() => go('class-debrief'));
    return () => undefined;
  }
  return connection.onMessage((message) => {
    if (message.type === 'session' && message.status === 'ended') go('class-debrief');
  });
}
