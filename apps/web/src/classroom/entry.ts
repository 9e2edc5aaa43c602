import { announceScreen } from '../a11y/dom-mirror';
import type { SavedGame } from '../storage/saved-game';
import { type ClassroomConnection, classroomConnection } from './connection';
import { showConnectionBanner } from './connection-banner';
import {
  type FacilitatorCredentials,
  forgetFacilitator,
  forgetPlayer,
  loadFacilitator,
  loadPlayer,
  type PlayerCredentials,
  rememberHostedClass,
  saveFacilitator,
} from './credentials';
import { startLearnerFlow } from './learner/learner-flow';
import { resumeSoloOnPhone as resumeOnPhone } from './learner/solo-phone-entry';
import { ClassRouter } from './router';

/** The classroom's screens, with the ways to take a seat that they may use. */
const router = new ClassRouter({
  enterAsFacilitator: (credentials) => enterAsFacilitator(credentials),
  enterAsPlayer: (credentials) => enterAsPlayer(credentials),
  followAsLearner: (credentials, team) => startLearnerFlow(classroomConnection(), router, credentials, team),
});
const openClassScreen = (screen: Parameters<ClassRouter['openScreen']>[0], params?: Record<string, string>) =>
  router.openScreen(screen, params);

/** The connection the banner follows: a new one (after leaving a class) needs its own. */
let watched: ClassroomConnection | undefined;

function watchConnection(): void {
  const connection = classroomConnection();
  if (watched === connection) return;
  watched = connection;
  showConnectionBanner(connection);
}

/** Takes the trainer's seat with a key and opens the screen for the session's state. */
export async function enterAsFacilitator(credentials: FacilitatorCredentials): Promise<boolean> {
  const connection = classroomConnection();
  watchConnection();
  const reply = await connection.attach({
    type: 'attachFacilitator',
    sessionId: credentials.sessionId,
    facilitatorKey: credentials.facilitatorKey,
  });
  if (!reply.ok) {
    forgetFacilitator();
    announceScreen(`Could not reopen the session: ${reply.error.message}`);
    return false;
  }
  const saved: FacilitatorCredentials = {
    ...credentials,
    joinCode: reply.joinCode,
    joinUrl: reply.joinUrl,
    lanJoinUrls: reply.lanJoinUrls,
  };
  saveFacilitator(saved);
  rememberHostedClass(saved);
  const status = connection.latest('session')?.status;
  await openClassScreen(status === 'ended' ? 'class-debrief' : status === 'running' ? 'console' : 'lobby');
  return true;
}

/** Takes a learner's seat again with their token and follows the session from there. */
export async function enterAsPlayer(credentials: PlayerCredentials): Promise<boolean> {
  const connection = classroomConnection();
  watchConnection();
  const reply = await connection.attach({ type: 'attach', token: credentials.token });
  if (!reply.ok) {
    forgetPlayer();
    announceScreen(`Could not take your seat again: ${reply.error.message}`);
    return false;
  }
  startLearnerFlow(connection, router, credentials, reply.team);
  return true;
}

/** The first visit to the title screen: a join link, a console link, or a seat to take again. */
export async function resumeFromPage(): Promise<boolean> {
  const params = new URLSearchParams(window.location.search);
  // A read-only replay link: the token stays in the address while the viewer shows, so a reload reopens it.
  const replay = params.get('replay');
  if (replay) {
    await openClassScreen('replay', { source: 'share', token: replay });
    return true;
  }
  const join = params.get('join');
  const sessionId = params.get('session');
  const key = params.get('key');
  // The key must not stay in the address bar (or in the history) once it has been read.
  if (join || key) window.history.replaceState(null, '', window.location.pathname);
  if (sessionId && key) return enterAsFacilitator({ sessionId, facilitatorKey: key, joinCode: '', joinUrl: '' });
  if (join) {
    watchConnection();
    await openClassScreen('join', { code: join });
    return true;
  }
  const facilitator = loadFacilitator();
  if (facilitator && (await enterAsFacilitator(facilitator))) return true;
  const player = loadPlayer();
  if (player && (await enterAsPlayer(player))) return true;
  return false;
}

export function openHostScreen(): void {
  watchConnection();
  void openClassScreen('host');
}

/** The classes this browser hosted, with their replays, and a solo replay file to open. */
export function openPastClasses(): void {
  void openClassScreen('past-classes');
}

export function openJoinScreen(): void {
  watchConnection();
  void openClassScreen('join');
}

/**
 * Solo practice on a phone, where the solo canvas would be unreadable: its set-up, then the
 * phone board and planning screens playing a game in this browser (no server, no connection).
 */
export function openSoloPhoneSetup(): void {
  void openClassScreen('solo-setup');
}

/** A kept solo game, on the phone screens; false when it no longer replays (the caller says so). */
export function resumeSoloOnPhone(saved: SavedGame): boolean {
  return resumeOnPhone(saved, router);
}
