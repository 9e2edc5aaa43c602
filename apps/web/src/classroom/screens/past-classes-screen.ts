import type { SessionSummary } from '@ttc/protocol';
import type { Scenario } from '@ttc/sim';
import { announceStatus } from '../../a11y/dom-mirror';
import { money } from '../../view-model/format';
import { readSoloReplayFile } from '../../view-model/solo-replay-file';
import { loadHostedClasses } from '../credentials';
import { fill, h } from '../dom';
import { fetchSummaries } from '../replay/replay-api';
import { holdSoloReplay, sourceOfSoloFile } from '../replay/replay-source';
import type { ScreenRenderer } from '../screen-types';
import '../replay/replay.css';

// The classes this browser hosted (their keys are kept here, nowhere else), each opening its
// replay, and a solo game's replay file a learner sent.

const STATUS_TEXT: Record<SessionSummary['status'], string> = { lobby: 'Not started', running: 'Running', ended: 'Ended' };

function dateText(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

function currencyOf(scenarios: readonly Scenario[], scenarioId: string): string {
  return scenarios.find((scenario) => scenario.id === scenarioId)?.currency ?? 'EUR';
}

function teamFigures(summary: SessionSummary, scenarios: readonly Scenario[]): HTMLElement {
  const currency = currencyOf(scenarios, summary.scenarioId);
  return h(
    'ul',
    { class: 'past-teams' },
    summary.teams.map((team) =>
      h(
        'li',
        {},
        h('strong', {}, team.name),
        ` profit ${money(team.profitCents, currency, false)} · exhaustion ${Math.round(team.exhaustion)} · loyalty ${Math.round(team.loyalty)} · score ${team.balancedScore.toFixed(1)}`,
      ),
    ),
  );
}

export const pastClassesScreen: ScreenRenderer = ({ root, go, announce, nav }) => {
  let closed = false;
  const hosted = loadHostedClasses();
  const listBody = h('div', { class: 'past-list', 'aria-live': 'polite' }, h('p', { class: 'muted' }, 'Asking the server…'));
  const fileInput = h('input', {
    id: 'solo-file',
    type: 'file',
    accept: '.json,application/json',
    'aria-describedby': 'solo-file-hint solo-file-error',
  });
  const fileError = h('p', { class: 'error-text', id: 'solo-file-error', role: 'alert' });

  const openFile = async () => {
    const file = fileInput.files?.[0];
    fileError.textContent = '';
    if (!file) return;
    let text: string;
    try {
      text = await file.text();
    } catch {
      fileError.textContent = 'The file could not be read.';
      return;
    }
    if (closed) return;
    const result = readSoloReplayFile(text);
    if (!result.ok) {
      fileError.textContent = result.error;
      announceStatus(`The replay file was refused: ${result.error}`);
      fileInput.value = '';
      return;
    }
    holdSoloReplay(sourceOfSoloFile(result.log, file.name));
    go('replay', { source: 'file' });
  };
  fileInput.addEventListener('change', () => void openFile());

  const showSummaries = (summaries: SessionSummary[]) => {
    if (hosted.length === 0) {
      fill(listBody, h('p', {}, 'This browser has not hosted a class yet. Classes you host from here are listed with their replays.'));
      return;
    }
    const missing = hosted.length - summaries.length;
    const rows = summaries.map((summary) => {
      const when = hosted.find((item) => item.sessionId === summary.sessionId)?.hostedAt ?? summary.createdAt;
      const canOpen = summary.status !== 'lobby';
      return h(
        'tr',
        {},
        h('td', {}, dateText(summary.createdAt || when)),
        h('td', {}, summary.scenarioName, h('br'), h('span', { class: 'muted' }, `code ${summary.joinCode}`)),
        h('td', {}, STATUS_TEXT[summary.status]),
        h('td', { class: 'number' }, String(summary.teamCount)),
        h('td', { class: 'number' }, `${summary.rounds} × ${summary.ticksPerRound} h`),
        h('td', {}, teamFigures(summary, nav.scenarios())),
        h(
          'td',
          {},
          canOpen
            ? h(
                'button',
                {
                  type: 'button',
                  class: 'primary',
                  // The visible words first: a voice command "open replay" finds it.
                  'aria-label': `Open replay of class ${summary.joinCode}`,
                  onclick: () => go('replay', { source: 'session', sessionId: summary.sessionId }),
                },
                'Open replay',
              )
            : h('span', { class: 'muted' }, 'Not started'),
        ),
      );
    });
    fill(
      listBody,
      summaries.length > 0 &&
        h(
          'table',
          { class: 'data past-table' },
          h('caption', { class: 'visually-hidden' }, 'Classes hosted from this browser, newest first'),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ['Date', 'Scenario', 'Status', 'Teams', 'Rounds', 'Final figures', 'Replay'].map((label) =>
                h('th', { scope: 'col', class: label === 'Teams' || label === 'Rounds' ? 'number' : undefined }, label),
              ),
            ),
          ),
          h('tbody', {}, rows),
        ),
      missing > 0 &&
        h(
          'p',
          { class: 'muted' },
          `${missing} ${missing === 1 ? 'class' : 'classes'} hosted here ${missing === 1 ? 'is' : 'are'} no longer on this server.`,
        ),
    );
    announceStatus(`${summaries.length} past ${summaries.length === 1 ? 'class' : 'classes'} listed.`);
  };

  const load = async () => {
    try {
      const summaries = await fetchSummaries(hosted.map((item) => ({ sessionId: item.sessionId, key: item.facilitatorKey })));
      if (closed) return;
      // The server answers in the order asked: newest first, as the browser keeps them.
      showSummaries(summaries);
    } catch (error) {
      if (closed) return;
      fill(
        listBody,
        h(
          'p',
          { class: 'error-text', role: 'alert' },
          `The classes could not be listed: ${error instanceof Error ? error.message : 'no answer'}`,
        ),
        h('button', { type: 'button', onclick: () => void load() }, 'Try again'),
      );
    }
  };

  root.append(
    h(
      'section',
      { class: 'screen past-classes', 'aria-labelledby': 'past-title' },
      h(
        'header',
        { class: 'topbar' },
        h('h1', { id: 'past-title' }, 'Past classes and replays'),
        h('button', { type: 'button', onclick: () => nav.toTitle() }, 'Back to the title', h('kbd', {}, 'Esc')),
      ),
      h(
        'section',
        { class: 'panel', 'aria-labelledby': 'past-classes-heading' },
        h('h2', { id: 'past-classes-heading' }, 'Classes you hosted'),
        listBody,
      ),
      h(
        'section',
        { class: 'panel solo-file', 'aria-labelledby': 'solo-file-heading' },
        h('h2', { id: 'solo-file-heading' }, 'A solo game’s replay'),
        h(
          'label',
          { for: 'solo-file' },
          'Open a solo replay file',
          fileInput,
          h(
            'span',
            { class: 'field-hint', id: 'solo-file-hint' },
            'A learner saves it from the debrief of a solo game (Export replay file).',
          ),
        ),
        fileError,
      ),
    ),
  );

  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      nav.toTitle();
    }
  };
  document.addEventListener('keydown', onKey);
  announce('Past classes and replays. Each class opens its replay. You can also open a solo replay file. Escape goes back to the title.');
  void load();
  return () => {
    closed = true;
    document.removeEventListener('keydown', onKey);
  };
};
