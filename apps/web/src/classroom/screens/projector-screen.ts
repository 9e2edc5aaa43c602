import type { TeamFiguresRow } from '@ttc/protocol';
import { announceStatus } from '../../a11y/dom-mirror';
import { plainKey, typingInField } from '../../ui/keys';
import { money } from '../../view-model/format';
import { fill, h } from '../dom';
import type { ScreenRenderer } from '../screen-types';
import { figureValue, ordinal, RANK_FIGURES, type RankFigure, rankTeams } from '../trainer/leaderboard';
import { loadScenarioCatalog } from '../trainer/scenario-catalog';
import { clockSummary, countdownText, currentHour, msLeftInRound } from '../trainer/session-clock';
import { followSessionEnd } from '../trainer/session-end';
import { trainerSession } from '../trainer/trainer-session';
import '../trainer/trainer.css';

const COLUMNS: { figure: RankFigure; heading: string }[] = [
  { figure: 'profit', heading: 'Profit' },
  { figure: 'exhaustion', heading: 'Exhaustion' },
  { figure: 'loyalty', heading: 'Loyalty' },
  { figure: 'balanced', heading: 'Balanced score' },
];

function shown(row: TeamFiguresRow, figure: RankFigure, currency: string): string {
  return figure === 'profit' ? money(row.profitCents, currency, false) : String(Math.round(figureValue(row, figure)));
}

/**
 * The leaderboard for the big screen: every team ranked by the figure the trainer picks, in type
 * the back row can read. Anonymised, it shows places and figures without team names.
 */
export const projectorScreen: ScreenRenderer = ({ root, connection, go, announce }) => {
  const shared = trainerSession(connection);
  const choice = shared.projector;
  let currency = 'EUR';
  let closed = false;

  const clockLine = h('p', { class: 'projector-clock', id: 'projector-clock' });
  const countdown = h('p', { class: 'projector-countdown', 'aria-label': 'Time left in the round' });
  const rankButtons = RANK_FIGURES.map(({ figure, label, key }) =>
    h('button', { type: 'button', 'data-figure': figure, onclick: () => rankBy(figure) }, label, h('kbd', {}, key)),
  );
  const anonymise = h('button', { type: 'button', onclick: () => toggleAnonymous() }, 'Anonymise', h('kbd', {}, 'A'));
  const rankNote = h('p', { class: 'projector-note', id: 'projector-note' });
  const board = h('div', { class: 'projector-board' });

  const draw = () => {
    const rows = connection.latest('dashboard')?.teams ?? [];
    const about = RANK_FIGURES.find((item) => item.figure === choice.figure);
    for (const button of rankButtons) button.setAttribute('aria-pressed', String(button.dataset.figure === choice.figure));
    anonymise.setAttribute('aria-pressed', String(choice.anonymised));
    rankNote.textContent = `Ranked by ${about?.label.toLowerCase() ?? ''}, ${about?.note ?? ''}.${
      choice.anonymised ? ' Names hidden: each team can recognise its own figures.' : ''
    }`;
    if (rows.length === 0) {
      fill(board, h('p', { class: 'muted' }, 'Waiting for the first figures…'));
      return;
    }
    fill(
      board,
      h(
        'table',
        { class: `leaderboard${choice.anonymised ? ' anonymised' : ''}`, id: 'leaderboard', 'aria-label': 'Leaderboard' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, 'Place'),
            !choice.anonymised && h('th', { scope: 'col' }, 'Team'),
            COLUMNS.map(({ figure, heading }) =>
              h('th', { scope: 'col', class: `number${figure === choice.figure ? ' ranked' : ''}` }, heading),
            ),
          ),
        ),
        h(
          'tbody',
          {},
          rankTeams(rows, choice.figure).map(({ rank, row }) =>
            h(
              'tr',
              { class: rank === 1 ? 'leader' : '' },
              h('td', { class: 'place' }, ordinal(rank)),
              !choice.anonymised && h('th', { scope: 'row', class: 'team' }, row.name, row.bot && h('span', { class: 'pill' }, 'bot')),
              COLUMNS.map(({ figure }) =>
                h('td', { class: `number${figure === choice.figure ? ' ranked' : ''}` }, shown(row, figure, currency)),
              ),
            ),
          ),
        ),
      ),
    );
  };

  const drawClock = () => {
    const session = connection.latest('session');
    if (!session) return;
    const operating = session.status === 'running' && session.phase === 'operations';
    clockLine.textContent = operating
      ? `Round ${session.round} of ${session.rounds} · Hour ${currentHour(session)} of ${session.ticksPerRound}${session.paused ? ' · Paused' : ''}`
      : clockSummary(session);
    countdown.textContent = operating ? countdownText(msLeftInRound(session, performance.now() - shared.sessionReceivedAt)) : '';
  };

  const rankBy = (figure: RankFigure) => {
    choice.figure = figure;
    draw();
    announceStatus(`Leaderboard ranked by ${RANK_FIGURES.find((item) => item.figure === figure)?.label.toLowerCase()}.`);
  };

  const toggleAnonymous = () => {
    choice.anonymised = !choice.anonymised;
    draw();
    announceStatus(choice.anonymised ? 'Leaderboard anonymised: team names hidden.' : 'Leaderboard shows team names.');
  };

  root.append(
    h(
      'section',
      { class: 'screen projector-screen', 'aria-labelledby': 'projector-title' },
      h('header', { class: 'projector-top' }, h('h1', { id: 'projector-title' }, 'Leaderboard'), clockLine, countdown),
      board,
      h(
        'footer',
        { class: 'projector-controls row', 'aria-label': 'Leaderboard controls' },
        h('span', { class: 'muted' }, 'Rank by'),
        rankButtons,
        anonymise,
        rankNote,
        h('button', { type: 'button', class: 'projector-back', onclick: () => go('console') }, 'Back to the console', h('kbd', {}, 'Esc')),
      ),
    ),
  );

  draw();
  drawClock();
  void loadScenarioCatalog()
    .then((catalog) => {
      const found = catalog.find((item) => item.id === connection.latest('session')?.scenarioId);
      if (found && !closed) {
        currency = found.currency;
        draw();
      }
    })
    .catch(() => undefined);
  const stopMessages = connection.onMessage((message) => {
    if (message.type === 'dashboard') draw();
    else if (message.type === 'session') drawClock();
  });
  const stopEnd = followSessionEnd(connection, go);
  const timer = window.setInterval(drawClock, 250);
  const onKey = (event: KeyboardEvent) => {
    if (typingInField(event) || !plainKey(event)) return;
    const key = event.key.toLowerCase();
    const figure = RANK_FIGURES.find((item) => item.key === key);
    if (figure) rankBy(figure.figure);
    else if (key === 'a') toggleAnonymous();
    else if (key === 'escape') go('console');
    else return;
    event.preventDefault();
  };
  document.addEventListener('keydown', onKey);
  announce('Projector leaderboard. Keys: 1 profit, 2 exhaustion, 3 loyalty, 4 balanced score, A anonymise, Escape back to the console.');

  return () => {
    closed = true;
    stopMessages();
    stopEnd();
    window.clearInterval(timer);
    document.removeEventListener('keydown', onKey);
  };
};
