import { fill, h } from '../dom';
import { rosterOf } from '../learner/team-roster';
import type { ScreenRenderer } from '../screen-types';
import '../learner/learner.css';

/** The lobby as a learner sees it: their team, who else is in it, and what happens next. */
export const waitingScreen: ScreenRenderer = ({ root, connection, params, announce }) => {
  const playerId = params.playerId ?? '';
  const name = params.name ?? '';
  const heading = h('h1', { class: 'team-name' });
  const list = h('ul', { class: 'teammates', 'aria-label': 'Your team' });
  const classLine = h('p', { class: 'muted' });
  const moved = h('p', { class: 'moved', role: 'status', hidden: true });
  let shownTeam: number | undefined;

  const draw = (): void => {
    const roster = rosterOf(connection.latest('lobby'), playerId, Number(params.team ?? 0));
    if (roster.team === undefined) return;
    heading.textContent = `You are in Team ${roster.team + 1}`;
    if (shownTeam !== undefined && shownTeam !== roster.team) {
      moved.hidden = false;
      moved.textContent = `Your trainer moved you from Team ${shownTeam + 1} to Team ${roster.team + 1}.`;
      announce(`You are now in Team ${roster.team + 1}. Your trainer will start the session.`);
    }
    shownTeam = roster.team;
    fill(
      list,
      roster.teammates.map((mate) =>
        h(
          'li',
          {},
          h('span', { class: mate.you ? 'you' : '' }, mate.you ? `${mate.name} (you)` : mate.name),
          h('span', { class: `presence ${mate.connected ? 'good' : 'muted'}` }, mate.connected ? '● connected' : '○ not connected'),
        ),
      ),
    );
    const others = roster.classSize - roster.teammates.length;
    classLine.textContent =
      roster.teammates.length === 1
        ? `Nobody else is in your team yet. ${others > 0 ? `${others} classmate${others === 1 ? ' is' : 's are'} in other teams.` : ''}`
        : `${roster.teammates.length} in your team${others > 0 ? `, ${others} in other teams` : ''}.`;
  };

  root.append(
    h(
      'section',
      { class: 'screen learner-screen' },
      h(
        'div',
        { class: 'panel learner-card' },
        h('p', { class: 'muted' }, `Welcome, ${name}.`),
        heading,
        moved,
        h('h2', {}, 'Your team'),
        list,
        classLine,
        h('h2', {}, 'What happens next'),
        h(
          'p',
          {},
          'Your trainer will start the session. Your team’s board then opens here by itself: customers ask for things, and any of you may answer a card — you see each other’s decisions as they happen.',
        ),
        h(
          'p',
          { class: 'muted keys-hint' },
          'Keys on the board: ',
          h('kbd', {}, '1'),
          '–',
          h('kbd', {}, '4'),
          ' decide, ',
          h('kbd', {}, '←'),
          h('kbd', {}, '→'),
          h('kbd', {}, '↑'),
          h('kbd', {}, '↓'),
          ' choose a card, ',
          h('kbd', {}, '?'),
          ' all keys.',
        ),
      ),
    ),
  );
  draw();
  const stop = connection.onMessage((message) => {
    if (message.type === 'lobby') draw();
  });
  announce(`Waiting room. You are in Team ${(shownTeam ?? 0) + 1}. Your trainer will start the session.`);
  return stop;
};
