import { classResultsFileName, type SessionLog, sessionLogSchema } from '@ttc/protocol';
import { announceStatus } from '../../a11y/dom-mirror';
import { type ClassDebrief, classDebriefModel } from '../../view-model/class-debrief-model';
import { closeClassroomConnection } from '../connection';
import { forgetFacilitator, forgetPlayer, loadFacilitator, loadPlayer } from '../credentials';
import {
  chartsSection,
  momentsSection,
  ordinal,
  promptsSection,
  score,
  standingsSection,
  yourTeamSection,
} from '../debrief/debrief-sections';
import { fill, h } from '../dom';
import { callApi } from '../rest-client';
import type { ScreenRenderer } from '../screen-types';
import '../debrief/class-debrief.css';

// The class debrief, for the projector (the trainer) and for each learner: the session's record
// is fetched, checked and replayed here, so every figure is what the simulation computed.

interface Seat {
  role: 'trainer' | 'player';
  sessionId: string;
  /** The query that opens the record: the facilitator key, or a player's token. */
  query: string;
  /** Only the trainer's key opens the results exports. */
  key: string | undefined;
  playerId: string | undefined;
}

function seatFor(role: string | undefined): Seat | undefined {
  if (role === 'player') {
    const player = loadPlayer();
    return (
      player && {
        role: 'player',
        sessionId: player.sessionId,
        query: `token=${encodeURIComponent(player.token)}`,
        key: undefined,
        playerId: player.playerId,
      }
    );
  }
  const facilitator = loadFacilitator();
  return (
    facilitator && {
      role: 'trainer',
      sessionId: facilitator.sessionId,
      query: `key=${encodeURIComponent(facilitator.facilitatorKey)}`,
      key: facilitator.facilitatorKey,
      playerId: undefined,
    }
  );
}

function fetchLog(seat: Seat): Promise<SessionLog> {
  return callApi(`/api/sessions/${encodeURIComponent(seat.sessionId)}/log?${seat.query}`, sessionLogSchema);
}

function statusSummary(model: ClassDebrief, yourTeam: number | undefined): string {
  const places = model.standings.map((team) => `${team.name} ${ordinal(team.rank)} with ${score(team.balancedScore)} points`).join('; ');
  const strategist = model.benchmarks.find((row) => row.name === 'Strategist');
  const mine = model.teams.find((team) => team.index === yourTeam);
  return [
    `Class debrief: ${places}.`,
    strategist ? `Strategist benchmark: ${score(strategist.balancedScore)} points.` : '',
    mine ? `Your team, ${mine.name}, placed ${ordinal(mine.rank)} of ${model.teams.length}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** Lets the browser paint the waiting state before the replay holds the main thread. */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

export const classDebriefScreen: ScreenRenderer = ({ root, params, announce, go, nav }) => {
  const seat = seatFor(params.role);
  let closed = false;

  const backToTitle = () => {
    if (seat?.role === 'player') forgetPlayer();
    else forgetFacilitator();
    closeClassroomConnection();
    nav.toTitle();
  };

  const exports = (model: ClassDebrief, log: SessionLog) => {
    if (seat?.role !== 'trainer' || !seat.key) return [];
    const base = `/api/sessions/${encodeURIComponent(seat.sessionId)}/results`;
    const key = encodeURIComponent(seat.key);
    // The server names the files the same way: tame-the-chaos-class-<CODE>-results.csv / .json.
    return [
      h('a', { class: 'button', href: `${base}.csv?key=${key}`, download: classResultsFileName(log.joinCode, 'csv') }, 'Export CSV'),
      h('a', { class: 'button', href: `${base}.json?key=${key}`, download: classResultsFileName(log.joinCode, 'json') }, 'Export JSON'),
      // Review the class decision by decision, with notes (docs/replays.md).
      h('button', { type: 'button', onclick: () => go('replay', { source: 'session', sessionId: model.sessionId }) }, 'Open the replay'),
    ];
  };

  const subtitle = h('p', { class: 'subtitle' }, 'Replaying the session…');
  const actions = h('div', { class: 'row' });
  const body = h('div', { class: 'debrief-body' });
  const back = h('button', { type: 'button', onclick: backToTitle }, 'Back to title');
  root.append(
    h(
      'section',
      { class: 'screen class-debrief' },
      h('header', { class: 'topbar' }, h('div', { class: 'title-block' }, h('h1', {}, 'Class debrief'), subtitle), actions, back),
      body,
    ),
  );

  const showError = (message: string) => {
    fill(subtitle, 'The debrief could not be shown');
    fill(
      body,
      h(
        'div',
        { class: 'panel', role: 'alert' },
        h('h2', {}, 'The debrief could not be shown'),
        h('p', { class: 'error-text' }, message),
        seat ? h('button', { type: 'button', class: 'primary', onclick: () => void load() }, 'Try again') : undefined,
      ),
    );
    announceStatus(`Class debrief failed: ${message}`);
  };

  const show = (model: ClassDebrief, log: SessionLog) => {
    const yourTeam = seat?.role === 'player' ? log.players.find((player) => player.id === seat.playerId)?.team : undefined;
    const mine = model.teams.find((team) => team.index === yourTeam);
    fill(
      subtitle,
      `${model.scenarioName} · seed ${model.seed} · ${model.rounds} rounds × ${model.ticksPerRound} hours · ${model.teams.length} ${model.teams.length === 1 ? 'team' : 'teams'}`,
      !model.ended
        ? ' · still running: figures so far'
        : model.finished
          ? ''
          : ` · ended early by the trainer: benchmarks over the ${model.roundsReached === 1 ? 'first round' : `first ${model.roundsReached} rounds`}`,
    );
    fill(actions, exports(model, log));
    fill(
      body,
      h(
        'div',
        { class: 'debrief-grid' },
        mine ? h('div', { class: 'full' }, yourTeamSection(model, mine)) : undefined,
        standingsSection(model, yourTeam),
        momentsSection(model),
        h('div', { class: 'full' }, chartsSection(model)),
        h('div', { class: 'full' }, promptsSection(model)),
      ),
    );
    announceStatus(statusSummary(model, yourTeam));
  };

  const load = async () => {
    if (!seat) {
      showError('This browser holds no classroom seat. Open the console link or join the class again.');
      return;
    }
    fill(subtitle, 'Replaying the session…');
    fill(
      body,
      h(
        'div',
        { class: 'panel replaying' },
        h('p', {}, 'Replaying the session…'),
        h('progress', { 'aria-label': 'Replaying the session' }),
      ),
    );
    announceStatus('Class debrief: replaying the session…');
    try {
      const log = await fetchLog(seat);
      const scenario = nav.scenarios().find((candidate) => candidate.id === log.scenarioId);
      if (!scenario) throw new Error(`This page does not know the scenario "${log.scenarioId}".`);
      await nextPaint();
      if (closed) return;
      show(classDebriefModel(log, scenario), log);
    } catch (error) {
      if (!closed) showError(error instanceof Error ? error.message : String(error));
    }
  };

  announce(
    seat?.role === 'player'
      ? 'Class debrief: your team, the figures over time, the decision mix, key moments and discussion prompts. Back to title returns to the start.'
      : 'Class debrief: standings, the figures over time, the decision mix, key moments and discussion prompts; export the results as CSV or JSON.',
  );
  void load();
  return () => {
    closed = true;
  };
};
