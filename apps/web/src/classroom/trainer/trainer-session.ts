import { sessionLogSchema } from '@ttc/protocol';
import { findScenario } from '@ttc/sim';
import type { ClassroomConnection } from '../connection';
import { loadFacilitator } from '../credentials';
import { callApi } from '../rest-client';
import { DashboardHistory, rebuildConsole } from './dashboard-history';
import { addToFeed, type FeedItem, type FeedMessage, feedItem } from './feed';
import type { RankFigure } from './leaderboard';

// What the trainer's screens share while a session runs: the figures' history for the
// sparklines, the recent feed, and when the clock last spoke. It listens from the first
// trainer screen on, for as long as the connection lives, so going from the console to the
// projector and back loses nothing.

const FEED_LENGTH = 60;

export class TrainerSession {
  readonly history = new DashboardHistory();
  readonly feed: FeedItem[] = [];
  /** When the latest "session" push arrived (performance.now()), for the local countdown. */
  sessionReceivedAt = performance.now();
  /** The projector's choices, kept while the trainer goes back and forth to the console. */
  readonly projector: { figure: RankFigure; anonymised: boolean } = { figure: 'balanced', anonymised: false };
  private rebuiltFor: string | undefined;
  private sessionId: string | undefined;

  constructor(private readonly connection: ClassroomConnection) {
    connection.onMessage((message) => {
      if (message.type === 'session') {
        this.sessionReceivedAt = performance.now();
        // A new class hosted on the same connection starts with clean lines and feed.
        if (this.sessionId !== undefined && this.sessionId !== message.sessionId) {
          this.history.clear();
          this.feed.length = 0;
        }
        this.sessionId = message.sessionId;
      } else if (message.type === 'dashboard') {
        const session = connection.latest('session');
        if (session && session.status !== 'lobby') this.history.record(session.round, session.tick, message.teams);
      } else if (
        message.type === 'decided' ||
        message.type === 'planCommitted' ||
        message.type === 'eventStarted' ||
        message.type === 'promiseBroken'
      ) {
        addToFeed(this.feed, feedItem(message as FeedMessage), FEED_LENGTH);
      }
    });
  }

  /**
   * After a reload the pushes before it are gone: the session's log has them all. Replaying it
   * with the simulation rebuilds the sparklines and the feed. Done once per session; a failure
   * only means the lines and the feed start from now.
   */
  async rebuildHistory(): Promise<boolean> {
    const credentials = loadFacilitator();
    const session = this.connection.latest('session');
    if (!credentials || !session || session.status === 'lobby' || this.rebuiltFor === credentials.sessionId) return false;
    this.rebuiltFor = credentials.sessionId;
    try {
      const log = await callApi(`/api/sessions/${encodeURIComponent(credentials.sessionId)}/log`, sessionLogSchema, {
        key: credentials.facilitatorKey,
      });
      const scenario = findScenario(log.scenarioId);
      if (!scenario) return false;
      const rebuilt = rebuildConsole(log, scenario);
      this.history.adopt(rebuilt.history);
      // The log holds everything the feed has heard since the reload, and what came before.
      if (rebuilt.feed.length > 0) {
        const feed: FeedItem[] = [];
        for (const message of rebuilt.feed) addToFeed(feed, feedItem(message), FEED_LENGTH);
        this.feed.splice(0, this.feed.length, ...feed);
      }
      return true;
    } catch {
      return false;
    }
  }
}

const sessions = new WeakMap<ClassroomConnection, TrainerSession>();

/** The trainer's shared state for this connection, started on first use. */
export function trainerSession(connection: ClassroomConnection): TrainerSession {
  let session = sessions.get(connection);
  if (!session) {
    session = new TrainerSession(connection);
    sessions.set(connection, session);
  }
  return session;
}
