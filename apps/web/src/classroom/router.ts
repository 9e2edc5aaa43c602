import { announceScreen } from '../a11y/dom-mirror';
import { showHtmlScreen } from '../app-shell';
import { markScreen } from '../scenes/scene-keys';
import { type ClassroomConnection, classroomConnection } from './connection';
import './classroom.css';

/**
 * The classroom's HTML screens. A learner's board and planning are Phaser scenes on a laptop, and
 * these HTML screens ("operations", "planning") on a phone (learner/phone-layout.ts).
 */
export type ClassScreen =
  | 'host'
  | 'lobby'
  | 'console'
  | 'projector'
  | 'join'
  | 'waiting'
  | 'operations'
  | 'planning'
  | 'class-debrief'
  | 'past-classes'
  | 'replay';

export interface ScreenContext {
  root: HTMLElement;
  connection: ClassroomConnection;
  /** Opens another classroom screen. */
  go: (screen: ClassScreen, params?: Record<string, string>) => void;
  params: Record<string, string>;
  /** Says what the screen is and its main keys, for screen readers and tests. */
  announce: (text: string) => void;
}

/** A screen draws into its root and returns what to undo when it closes (listeners, timers). */
export type ScreenRenderer = (context: ScreenContext) => (() => void) | undefined;

const loaders: Record<ClassScreen, () => Promise<ScreenRenderer>> = {
  host: () => import('./screens/host-screen').then((module) => module.hostScreen),
  lobby: () => import('./screens/lobby-screen').then((module) => module.lobbyScreen),
  console: () => import('./screens/console-screen').then((module) => module.consoleScreen),
  projector: () => import('./screens/projector-screen').then((module) => module.projectorScreen),
  join: () => import('./screens/join-screen').then((module) => module.joinScreen),
  waiting: () => import('./screens/waiting-screen').then((module) => module.waitingScreen),
  operations: () => import('./learner/phone-board').then((module) => module.phoneBoardScreen),
  planning: () => import('./learner/phone-planning').then((module) => module.phonePlanningScreen),
  'class-debrief': () => import('./screens/class-debrief-screen').then((module) => module.classDebriefScreen),
  'past-classes': () => import('./screens/past-classes-screen').then((module) => module.pastClassesScreen),
  replay: () => import('./screens/replay-screen').then((module) => module.replayScreen),
};

let closeCurrent: (() => void) | undefined;
let opening = 0;

/** Opens a classroom HTML screen in place of whatever shows. */
export async function openClassScreen(screen: ClassScreen, params: Record<string, string> = {}): Promise<void> {
  const ticket = ++opening;
  const render = await loaders[screen]();
  if (ticket !== opening) return;
  leaveClassScreen();
  const root = showHtmlScreen();
  root.dataset.classScreen = screen;
  markScreen(screen);
  closeCurrent = render({
    root,
    connection: classroomConnection(),
    go: (next, nextParams) => void openClassScreen(next, nextParams),
    params,
    announce: announceScreen,
  });
  // Move focus into the new screen, so keyboard users start on it.
  const first = root.querySelector<HTMLElement>('[autofocus], h1, h2');
  if (first) {
    if (!first.hasAttribute('tabindex') && !/^(INPUT|BUTTON|SELECT|TEXTAREA|A)$/.test(first.tagName)) first.tabIndex = -1;
    first.focus();
  }
}

/** Closes the classroom screen's listeners (before a Phaser scene takes over). */
export function leaveClassScreen(): void {
  closeCurrent?.();
  closeCurrent = undefined;
}
