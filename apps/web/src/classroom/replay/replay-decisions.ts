import type { Resolution } from '@ttc/sim';
import {
  type DecisionFilter,
  type DecisionRow,
  filterDecisions,
  RESOLUTION_LABELS,
  RESOLUTIONS,
  resolutionText,
} from '../../view-model/replay-model';
import { fill, h } from '../dom';

// Who decided what and when, filterable by team and by decision; a row seeks the replay there.

export interface DecisionsPanel {
  element: HTMLElement;
  /** The viewer moved: the latest decision at or before the position is marked. */
  setPosition(position: number): void;
  filter(): DecisionFilter;
}

/** Enough rows to read a long class; beyond it, the filters narrow the list. */
const MAX_ROWS = 400;

export function decisionsPanel(
  rows: readonly DecisionRow[],
  teamNames: readonly string[],
  seek: (position: number) => void,
): DecisionsPanel {
  const filter: DecisionFilter = { team: 'all', resolution: 'all' };
  let position = 0;
  const list = h('ol', { class: 'replay-decisions', 'aria-label': 'Decisions, oldest first' });
  const count = h('p', { class: 'muted small' });
  const team = h(
    'select',
    { id: 'decisions-team' },
    h('option', { value: 'all' }, 'All teams'),
    teamNames.map((name, index) => h('option', { value: index }, name)),
  );
  const kind = h(
    'select',
    { id: 'decisions-kind' },
    h('option', { value: 'all' }, 'All decisions'),
    RESOLUTIONS.map((resolution) => h('option', { value: resolution }, RESOLUTION_LABELS[resolution])),
  );

  const mark = () => {
    let current: HTMLElement | undefined;
    for (const item of list.querySelectorAll<HTMLElement>('li[data-position]')) {
      item.removeAttribute('aria-current');
      if (Number(item.dataset.position) <= position) current = item;
    }
    if (current && Number(current.dataset.position) === position) {
      current.setAttribute('aria-current', 'step');
      // Scroll the list only, never the page: the board and the controls stay where they are.
      const top = current.offsetTop;
      if (top < list.scrollTop || top + current.offsetHeight > list.scrollTop + list.clientHeight)
        list.scrollTop = top - list.clientHeight / 2 + current.offsetHeight / 2;
    }
  };

  const draw = () => {
    const shown = filterDecisions(rows, filter);
    count.textContent =
      shown.length > MAX_ROWS
        ? `${shown.length} decisions: the first ${MAX_ROWS} listed; filter to see the rest.`
        : `${shown.length} decisions`;
    fill(
      list,
      shown
        .slice(0, MAX_ROWS)
        .map((row) =>
          h(
            'li',
            { 'data-position': row.position, class: `decision-${row.resolution}` },
            h(
              'button',
              { type: 'button', onclick: () => seek(row.position) },
              h('span', { class: 'decision-when' }, `R${row.round} · Hour ${row.hour}`),
              h('span', { class: 'decision-team' }, row.teamName),
              h('span', { class: 'decision-who' }, row.actor),
              h('span', { class: 'decision-what' }, resolutionText(row)),
              h('span', { class: 'decision-for muted' }, `${row.customer} · ${row.request}`),
            ),
          ),
        ),
    );
    mark();
  };

  team.addEventListener('change', () => {
    filter.team = team.value === 'all' ? 'all' : Number(team.value);
    draw();
  });
  kind.addEventListener('change', () => {
    filter.resolution = kind.value as Resolution | 'all';
    draw();
  });

  const element = h(
    'section',
    { class: 'panel replay-decisions-panel', 'aria-labelledby': 'replay-decisions-heading' },
    h('h2', { id: 'replay-decisions-heading' }, 'Decisions'),
    h(
      'div',
      { class: 'row decision-filters' },
      h('label', { for: 'decisions-team' }, 'Team', team),
      h('label', { for: 'decisions-kind' }, 'Decision', kind),
    ),
    count,
    list,
  );
  draw();
  return {
    element,
    setPosition(next) {
      position = next;
      mark();
    },
    filter: () => filter,
  };
}
