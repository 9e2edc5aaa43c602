import { showScene } from '../../app-shell';
import { SCENES } from '../../scenes/scene-keys';
import type { ClassroomConnection } from '../connection';
import { leaveClassScreen, type ScreenContext } from '../router';

/** Back to the Phaser title screen; the class (if any) keeps running on the server. */
export function backToTitle(): void {
  leaveClassScreen();
  showScene(SCENES.title);
}

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

/** True when a key press belongs to a text field or a list, not to the screen's shortcuts. */
export function typingInField(event: KeyboardEvent): boolean {
  const target = event.target;
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) &&
    !(target instanceof HTMLInputElement && target.type === 'checkbox')
  );
}

/** True for a plain key press (no Ctrl, Alt or Meta), the only kind the screens' shortcuts use. */
export function plainKey(event: KeyboardEvent): boolean {
  return !event.ctrlKey && !event.altKey && !event.metaKey;
}
