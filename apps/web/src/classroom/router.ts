import { announceScreen } from '../a11y/dom-mirror';
import { scenarios, showHtmlScreen, showScene } from '../app-shell';
import { markScreen, SCENES } from '../scenes/scene-keys';
import { classroomConnection } from './connection';
import type { ClassroomNavigation, ClassScreen, ScreenRenderer } from './screen-types';
import './classroom.css';

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
  'solo-setup': () => import('./learner/solo-phone-setup').then((module) => module.soloPhoneSetupScreen),
  'solo-end': () => import('./learner/solo-phone-end').then((module) => module.soloPhoneEndScreen),
};

/** What the router cannot know by itself: how to take a seat, which the entry module provides. */
export type SeatFlows = Pick<ClassroomNavigation, 'enterAsFacilitator' | 'enterAsPlayer' | 'followAsLearner'>;

/**
 * Opens the classroom's HTML screens, one at a time in place of whatever shows, and hands each
 * its context — the connection, its parameters and the navigation it may use.
 */
export class ClassRouter implements ClassroomNavigation {
  private closeCurrent: (() => void) | undefined;
  private opening = 0;

  constructor(private readonly flows: SeatFlows) {}

  open(screen: ClassScreen, params: Record<string, string> = {}): void {
    void this.openScreen(screen, params);
  }

  /** Opens a screen; resolves once it shows (or a later open took its place). */
  async openScreen(screen: ClassScreen, params: Record<string, string> = {}): Promise<void> {
    const ticket = ++this.opening;
    const render = await loaders[screen]();
    if (ticket !== this.opening) return;
    this.leave();
    const root = showHtmlScreen();
    root.dataset.classScreen = screen;
    markScreen(screen);
    this.closeCurrent = render({
      root,
      connection: classroomConnection(),
      go: (next, nextParams) => this.open(next, nextParams),
      params,
      announce: announceScreen,
      nav: this,
    });
    // Move focus into the new screen, so keyboard users start on it.
    const first = root.querySelector<HTMLElement>('[autofocus], h1, h2');
    if (first) {
      if (!first.hasAttribute('tabindex') && !/^(INPUT|BUTTON|SELECT|TEXTAREA|A)$/.test(first.tagName)) first.tabIndex = -1;
      first.focus();
    }
  }

  leave(): void {
    this.closeCurrent?.();
    this.closeCurrent = undefined;
  }

  toTitle(): void {
    this.leave();
    showScene(SCENES.title);
  }

  showScene(key: string, data?: object): void {
    this.leave();
    showScene(key, data);
  }

  scenarios() {
    return scenarios();
  }

  enterAsFacilitator: SeatFlows['enterAsFacilitator'] = (credentials) => this.flows.enterAsFacilitator(credentials);
  enterAsPlayer: SeatFlows['enterAsPlayer'] = (credentials) => this.flows.enterAsPlayer(credentials);
  followAsLearner: SeatFlows['followAsLearner'] = (credentials, team) => this.flows.followAsLearner(credentials, team);
}
