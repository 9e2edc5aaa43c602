import type { ServerMessage } from '@ttc/protocol';
import { announceScreen, logEntry } from '../../a11y/dom-mirror';
import { SCENES } from '../../scenes/scene-keys';
import { ClassPlaySession } from '../../session/class-play-session';
import { type ClassroomConnection, closeClassroomConnection } from '../connection';
import { forgetPlayer, type PlayerCredentials } from '../credentials';
import type { ClassroomNavigation } from '../screen-types';
import { classPhoneSeat } from './class-phone-seat';
import { type LearnerScreen, learnerScreen } from './learner-screen';
import { showNotice } from './notice';
import { onLayoutChange, phoneLayout } from './phone-layout';
import { setSeat } from './seat';

let stopCurrent: (() => void) | undefined;

/**
 * Follows the session for a seated learner: the waiting room in the lobby, the team's board
 * during operations, planning between rounds, the debriefs at the end. The server decides
 * where everyone is; this only opens the screen that matches its latest word.
 */
export function startLearnerFlow(
  connection: ClassroomConnection,
  nav: ClassroomNavigation,
  credentials: PlayerCredentials,
  team: number,
): void {
  stopCurrent?.();
  let current: LearnerScreen | undefined;
  let play: ClassPlaySession | undefined;
  let myTeam = team;

  const playSession = (): ClassPlaySession | undefined => {
    if (play) return play;
    const scenarioId = connection.latest('session')?.scenarioId;
    const scenario = nav.scenarios().find((candidate) => candidate.id === scenarioId);
    if (!scenario) return undefined;
    play = new ClassPlaySession(scenario, credentials.name, myTeam, (message) => connection.send(message), logEntry);
    // What arrived before the seat's session existed: the latest of each.
    for (const type of ['session', 'board'] as const) {
      const latest = connection.latest(type);
      if (latest) play.handle(latest);
    }
    return play;
  };

  const route = (): void => {
    const session = connection.latest('session');
    if (!session) return;
    const found = learnerScreen(session, play?.hasBoard() ? play.view() : undefined);
    if (!found) return;
    // A phone and a laptop draw the board differently: a rotation across the line redraws it.
    const phone = phoneLayout();
    const next =
      found.screen === 'operations' || found.screen === 'planning'
        ? { ...found, key: `${found.key}:${phone ? 'phone' : 'desktop'}` }
        : found;
    if (next.key === current?.key) return;
    current = next;
    if (next.screen === 'waiting') nav.open('waiting', { playerId: credentials.playerId, name: credentials.name, team: String(myTeam) });
    else if (next.screen === 'debrief') {
      stop();
      nav.open('class-debrief', { role: 'player' });
    } else if (play && phone) {
      setSeat(classPhoneSeat(play));
      nav.open(next.screen);
    } else if (play) {
      nav.showScene(next.screen === 'operations' ? SCENES.operations : SCENES.planning, { session: play });
    }
  };

  const removed = (reason: string): void => {
    stop();
    forgetPlayer();
    closeClassroomConnection();
    nav.toTitle();
    showNotice(`You left the class: ${reason} Join again with the code if this was a mistake.`);
    announceScreen(`Title screen. You left the class: ${reason}`);
  };

  const onMessage = (message: ServerMessage): void => {
    if (message.type === 'removed') {
      removed(message.reason);
      return;
    }
    if (message.type === 'lobby') {
      const me = message.players.find((player) => player.id === credentials.playerId);
      if (me && me.team !== myTeam) {
        myTeam = me.team;
        play?.moveTo(me.team);
        logEntry(`Your trainer moved you to Team ${me.team + 1}.`);
      }
    }
    const existed = play !== undefined;
    const session = playSession();
    // A seat made just now has already read the latest session and board.
    if (session && (existed || (message.type !== 'session' && message.type !== 'board'))) session.handle(message);
    route();
  };

  const unsubscribe = connection.onMessage(onMessage);
  const stopLayout = onLayoutChange(() => route());
  const stop = (): void => {
    unsubscribe();
    stopLayout();
    setSeat(undefined);
    if (stopCurrent === stop) stopCurrent = undefined;
  };
  stopCurrent = stop;

  // Said on every (re)start of the flow, so a learner back after a reload hears where they sit.
  logEntry(`You are ${credentials.name}, in Team ${myTeam + 1}.`);
  playSession();
  route();
  // The seat's news on (re)attaching — the session, the board and the team's plan proposals —
  // may have come before this flow listened; attaching again sends it all once more.
  void connection.send({ type: 'attach', token: credentials.token });
}
