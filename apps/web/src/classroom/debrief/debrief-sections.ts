import type { DecisionCounts, KeyMomentKind, TickRecord } from '@ttc/sim';
import { type ClassDebrief, type ClassMoment, type ClassTeam, mostTelling } from '../../view-model/class-debrief-model';
import { money } from '../../view-model/format';
import { h } from '../dom';
import { type ChartSeries, legendSwatch, lineChart, type Marker } from './line-chart';

// The parts of the class debrief, each a plain HTML section built from the model.

/** Okabe–Ito colours that read on the dark background (black swapped for white), one per team. */
const TEAM_COLOURS = ['#e69f00', '#56b4e9', '#009e73', '#f0e442', '#cc79a7', '#d55e00', '#f2f5f9', '#0072b2'];
const TEAM_MARKERS: Marker[] = ['circle', 'square', 'triangle', 'diamond', 'triangle-down', 'cross', 'plus', 'bar'];
/** Benchmarks: one pale colour, told apart by dash pattern and name. */
const BENCHMARK_COLOUR = '#aab8cc';
const BENCHMARK_DASHES = ['8 5', '2 5', '12 4 3 4', '1 3', '6 3 2 3 2 3'];

export function teamColour(index: number): string {
  return TEAM_COLOURS[index % TEAM_COLOURS.length] ?? '#f2f5f9';
}

export function teamMarker(index: number): Marker {
  return TEAM_MARKERS[index % TEAM_MARKERS.length] ?? 'circle';
}

export function ordinal(place: number): string {
  const words = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth'];
  return words[place - 1] ?? `${place}th`;
}

export function playedBy(team: ClassTeam): string {
  if (team.control === 'bot') return 'Bot';
  if (team.control === 'nobody') return 'Nobody';
  return team.players.join(', ');
}

function whole(value: number): string {
  return String(Math.round(value));
}

/** Scores keep a decimal: teams a fraction apart must not look tied. */
export function score(value: number): string {
  return value.toFixed(1);
}

// ---- Standings --------------------------------------------------------------------------

/** A column heading with a short form for a phone: "Exhaustion" / "Exh.". */
function heading(long: string, short: string): HTMLElement {
  return h('th', { scope: 'col', class: 'number' }, h('span', { class: 'long' }, long), h('abbr', { class: 'short', title: long }, short));
}

/**
 * The standings. Who played a team goes under its name, and the table lays out its columns
 * itself (fixed widths for the figures, the rest for the names), so a long name wraps in its
 * cell and never pushes the Score column out of the panel.
 */
export function standingsSection(model: ClassDebrief, yourTeam: number | undefined): HTMLElement {
  const cell = (value: string) => h('td', { class: 'number' }, value);
  const head = h(
    'tr',
    {},
    h(
      'th',
      { scope: 'col', class: 'number place' },
      h('span', { class: 'long' }, 'Place'),
      h('abbr', { class: 'short', title: 'Place' }, '#'),
    ),
    h('th', { scope: 'col', class: 'team' }, 'Team'),
    heading('Profit', 'Profit'),
    heading('Exhaustion', 'Exh.'),
    heading('Loyalty', 'Loy.'),
    h('th', { scope: 'col', class: 'number' }, 'Score'),
  );
  const teamRows = model.standings.map((team) =>
    h(
      'tr',
      { class: team.index === yourTeam ? 'yours' : undefined },
      cell(String(team.rank)),
      h(
        'th',
        { scope: 'row', class: 'team' },
        h('span', { class: 'team-dot', style: `background:${teamColour(team.index)}`, 'aria-hidden': 'true' }),
        team.name,
        team.index === yourTeam ? h('span', { class: 'pill' }, 'your team') : undefined,
        h('div', { class: 'players' }, playedBy(team)),
        team.staffLost > 0 ? h('div', { class: 'bad small' }, `${team.staffLost} staff resigned`) : undefined,
      ),
      cell(money(team.profitCents, model.currency, false)),
      cell(whole(team.exhaustion)),
      cell(whole(team.loyalty)),
      h('td', { class: 'number score' }, score(team.balancedScore)),
    ),
  );
  const benchmarkRows = model.benchmarks.map((row) =>
    h(
      'tr',
      { class: 'benchmark' },
      cell('–'),
      h('th', { scope: 'row', class: 'team' }, row.name),
      cell(money(row.profitCents, model.currency, false)),
      cell(whole(row.exhaustion)),
      cell(whole(row.loyalty)),
      cell(score(row.balancedScore)),
    ),
  );
  return h(
    'section',
    { class: 'panel standings', 'aria-labelledby': 'debrief-standings' },
    h('h2', { id: 'debrief-standings' }, 'Final standings'),
    h(
      'table',
      { class: 'data standings-table' },
      h(
        'colgroup',
        {},
        h('col', { class: 'col-place' }),
        h('col', { class: 'col-team' }),
        h('col', { class: 'col-money' }),
        h('col', { class: 'col-figure' }),
        h('col', { class: 'col-figure' }),
        h('col', { class: 'col-score' }),
      ),
      h('thead', {}, head),
      h('tbody', {}, teamRows),
      h(
        'tbody',
        { class: 'benchmarks' },
        h('tr', {}, h('th', { colspan: 6, scope: 'rowgroup', class: 'group' }, 'Benchmark strategies on the same customers')),
        benchmarkRows,
      ),
    ),
    h(
      'p',
      { class: 'muted small' },
      'Score balances profit, rested staff (low exhaustion) and loyal customers. Exhaustion is the average over the game; lower is better.',
    ),
  );
}

// ---- Charts -----------------------------------------------------------------------------

type Figure = 'profitCents' | 'exhaustion' | 'loyalty';

function seriesOf(model: ClassDebrief, figure: Figure, scale: (value: number) => number): ChartSeries[] {
  const values = (history: TickRecord[]) => history.map((record) => scale(record[figure]));
  return [
    ...model.teams.map((team) => ({
      label: team.name,
      values: values(team.history),
      colour: teamColour(team.index),
      marker: teamMarker(team.index),
    })),
    ...model.benchmarks.map((row, index) => ({
      label: row.name,
      values: values(row.history),
      colour: BENCHMARK_COLOUR,
      dash: BENCHMARK_DASHES[index % BENCHMARK_DASHES.length] ?? '4 4',
      faint: true,
    })),
  ];
}

/** Short money for an axis: "€12k", "−€800". */
function axisMoney(units: number, currency: string): string {
  const cents = units * 100;
  return Math.abs(units) >= 1000 ? `${money(cents / 1000, currency, false)}k` : money(cents, currency, false);
}

function chartPanel(id: string, title: string, note: string, spec: Parameters<typeof lineChart>[0]): HTMLElement {
  const ends = spec.series
    .filter((series) => !series.faint)
    .map((series) => `${series.label} ends at ${spec.format(series.values[series.values.length - 1] ?? 0)}`)
    .join('; ');
  return h(
    'section',
    { class: 'panel chart', 'aria-labelledby': id },
    h('h3', { id }, title),
    h('p', { class: 'muted small' }, note),
    // On a phone the chart keeps a readable size and scrolls sideways inside its panel.
    // Focusable, so a keyboard scrolls it too.
    h(
      'div',
      { class: 'chart-scroll', tabindex: 0, role: 'group', 'aria-labelledby': id },
      lineChart({ ...spec, label: `${title}. ${ends}.` }),
    ),
  );
}

function chartLegend(model: ClassDebrief): HTMLElement {
  const item = (swatch: SVGSVGElement, label: string) => h('li', {}, swatch, h('span', {}, label));
  return h(
    'ul',
    { class: 'legend', 'aria-label': 'Lines in the charts' },
    model.teams.map((team) =>
      item(legendSwatch({ colour: teamColour(team.index), marker: teamMarker(team.index) }), `${team.name} (${playedBy(team)})`),
    ),
    model.benchmarks.map((row, index) =>
      item(
        legendSwatch({ colour: BENCHMARK_COLOUR, dash: BENCHMARK_DASHES[index % BENCHMARK_DASHES.length] ?? '4 4', faint: true }),
        row.name,
      ),
    ),
  );
}

export function chartsSection(model: ClassDebrief): HTMLElement {
  const common = { rounds: model.rounds, ticksPerRound: model.ticksPerRound };
  return h(
    'section',
    { class: 'charts', 'aria-labelledby': 'debrief-charts' },
    h(
      'div',
      { class: 'panel charts-head' },
      h('h2', { id: 'debrief-charts' }, 'The three figures over time'),
      h(
        'p',
        { class: 'muted small' },
        'Thick lines with markers at each round’s end are the teams; thin dashed lines are the benchmark strategies on the same customers.',
      ),
      h('p', { class: 'muted small swipe-hint' }, 'On a small screen, swipe a chart sideways to read the names at the ends of its lines.'),
      chartLegend(model),
    ),
    h(
      'div',
      { class: 'chart-grid' },
      chartPanel('debrief-profit', 'Profit over time', 'Profit so far (revenue minus costs). Higher is better.', {
        ...common,
        label: '',
        series: seriesOf(model, 'profitCents', (cents) => cents / 100),
        format: (value) => axisMoney(value, model.currency),
        min: 0,
      }),
      chartPanel(
        'debrief-exhaustion',
        'Exhaustion over time',
        'Average staff exhaustion, 0–100. Lower is better: tired staff make mistakes and resign.',
        {
          ...common,
          label: '',
          series: seriesOf(model, 'exhaustion', (value) => value),
          format: (value) => String(Math.round(value)),
          min: 0,
        },
      ),
      chartPanel(
        'debrief-loyalty',
        'Loyalty over time',
        'Customer loyalty (0–100) weighted by what customers spend. Higher is better; the axis shows the range played.',
        {
          ...common,
          label: '',
          series: seriesOf(model, 'loyalty', (value) => value),
          format: (value) => String(Math.round(value)),
        },
      ),
      decisionMixSection(model),
    ),
  );
}

// ---- Decision mix -----------------------------------------------------------------------

const MIX_PARTS: { key: keyof DecisionCounts; label: string; symbol: string; className: string }[] = [
  { key: 'accommodate', label: 'Accommodate', symbol: '+', className: 'mix-accommodate' },
  { key: 'premium', label: 'Premium', symbol: '$', className: 'mix-premium' },
  { key: 'option', label: 'Option', symbol: '★', className: 'mix-option' },
  { key: 'no', label: 'Gentle no', symbol: '✕', className: 'mix-no' },
  { key: 'ignored', label: 'Ran out of patience', symbol: '…', className: 'mix-ignored' },
];

/** One stacked bar: a segment per kind of answer, with its symbol and count when it fits. */
export function mixBar(mix: DecisionCounts, label: string): HTMLElement {
  const total = MIX_PARTS.reduce((sum, part) => sum + mix[part.key], 0);
  const spoken = MIX_PARTS.filter((part) => mix[part.key] > 0)
    .map((part) => `${mix[part.key]} ${part.label.toLowerCase()}`)
    .join(', ');
  const bar = h('div', { class: 'mix-bar', role: 'img', 'aria-label': `${label}: ${total === 0 ? 'no requests answered' : spoken}` });
  if (total === 0) bar.append(h('span', { class: 'mix-empty' }, 'No requests answered'));
  for (const part of MIX_PARTS) {
    const count = mix[part.key];
    if (count === 0) continue;
    const share = count / total;
    bar.append(
      h(
        'span',
        { class: `mix-part ${part.className}`, style: `flex-grow:${count}`, title: `${part.label}: ${count}` },
        share >= 0.07 ? `${part.symbol} ${count}` : '',
      ),
    );
  }
  return bar;
}

export function mixLegend(): HTMLElement {
  return h(
    'ul',
    { class: 'legend mix-legend', 'aria-label': 'Kinds of answer' },
    MIX_PARTS.map((part) =>
      h('li', {}, h('span', { class: `mix-key ${part.className}`, 'aria-hidden': 'true' }, part.symbol), h('span', {}, part.label)),
    ),
  );
}

function decisionMixSection(model: ClassDebrief): HTMLElement {
  return h(
    'section',
    { class: 'panel decision-mix', 'aria-labelledby': 'debrief-mix' },
    h('h3', { id: 'debrief-mix' }, 'Decision mix'),
    h('p', { class: 'muted small' }, 'How each team answered its requests over the game.'),
    h(
      'div',
      { class: 'mix-rows' },
      model.teams.map((team) =>
        h(
          'div',
          { class: 'mix-row' },
          h(
            'span',
            { class: 'mix-name' },
            h('span', { class: 'team-dot', style: `background:${teamColour(team.index)}`, 'aria-hidden': 'true' }),
            team.name,
          ),
          mixBar(team.decisionMix, team.name),
          h(
            'span',
            { class: 'mix-options muted small' },
            team.optionsBuilt === 1 ? '1 option built' : `${team.optionsBuilt} options built`,
          ),
        ),
      ),
    ),
    mixLegend(),
  );
}

// ---- Key moments and prompts ------------------------------------------------------------

const MOMENT_LABELS: Record<KeyMomentKind, string> = {
  'first-resignation': 'First resignation',
  resignation: 'Resignation',
  'complaint-storm': 'Complaint storm',
  'option-live': 'Option live',
  'cash-crisis': 'Cash crisis',
  'exhaustion-high': 'Burnout warning',
  'broken-promise': 'Broken promise',
  event: 'Event',
};

function momentItem(moment: ClassMoment, showTeam: boolean): HTMLElement {
  const involved = moment.involved.length > 0 ? moment.involved.join(', ') : 'nobody in particular';
  return h(
    'li',
    { class: `moment moment-${moment.kind}` },
    h(
      'div',
      { class: 'moment-head' },
      h('span', { class: 'moment-kind' }, MOMENT_LABELS[moment.kind]),
      showTeam ? h('span', { class: 'pill', style: `border-color:${teamColour(moment.team)}` }, moment.teamName) : undefined,
      h('span', { class: 'muted' }, moment.when),
    ),
    h('p', {}, moment.text),
    h('p', { class: 'involved' }, h('strong', {}, 'Involved: '), involved, moment.cause ? ` — ${moment.cause}` : ''),
  );
}

export function momentsSection(model: ClassDebrief): HTMLElement {
  return h(
    'section',
    { class: 'panel moments', 'aria-labelledby': 'debrief-moments' },
    h('h2', { id: 'debrief-moments' }, 'Key moments'),
    model.highlights.length > 0
      ? h(
          'ol',
          { class: 'moment-list' },
          model.highlights.map((moment) => momentItem(moment, true)),
        )
      : h('p', { class: 'muted' }, 'The simulation marked no key moments: no resignations, complaint storms, options or cash crises.'),
  );
}

export function promptsSection(model: ClassDebrief): HTMLElement {
  return h(
    'section',
    { class: 'panel prompts', 'aria-labelledby': 'debrief-prompts' },
    h('h2', { id: 'debrief-prompts' }, 'Discussion prompts'),
    h(
      'ol',
      { class: 'prompt-list' },
      model.prompts.map((prompt) => h('li', {}, prompt)),
    ),
  );
}

// ---- A learner's own team ---------------------------------------------------------------

export function yourTeamSection(model: ClassDebrief, team: ClassTeam): HTMLElement {
  const figure = (label: string, value: string, hint: string) =>
    h(
      'div',
      { class: 'figure' },
      h('span', { class: 'figure-label' }, label),
      h('span', { class: 'figure-value' }, value),
      h('span', { class: 'muted small' }, hint),
    );
  const strategist = model.benchmarks.find((row) => row.name === 'Strategist');
  return h(
    'section',
    { class: 'panel your-team', 'aria-labelledby': 'debrief-your-team' },
    h(
      'div',
      { class: 'your-team-head' },
      h('h2', { id: 'debrief-your-team' }, `Your team: ${team.name}`),
      h(
        'p',
        { class: 'place' },
        `${ordinal(team.rank).replace(/^./, (first) => first.toUpperCase())} of ${model.teams.length} with ${score(team.balancedScore)} points`,
        strategist ? h('span', { class: 'muted' }, ` (strategist benchmark: ${score(strategist.balancedScore)})`) : undefined,
      ),
    ),
    h(
      'div',
      { class: 'your-team-body' },
      h(
        'div',
        {},
        h(
          'div',
          { class: 'figures' },
          figure('Profit', money(team.profitCents, model.currency, false), 'higher is better'),
          figure('Exhaustion', whole(team.exhaustion), 'average, lower is better'),
          figure('Loyalty', whole(team.loyalty), 'higher is better'),
        ),
        h('h3', {}, 'Your decision mix'),
        mixBar(team.decisionMix, `${team.name}'s decisions`),
        mixLegend(),
        h('p', { class: 'lesson' }, team.lesson),
      ),
      h(
        'div',
        {},
        h('h3', {}, 'Your team’s moments'),
        team.moments.length > 0
          ? h(
              'ol',
              { class: 'moment-list' },
              mostTelling(team.moments, 5).map((moment) => momentItem(moment, false)),
            )
          : h('p', { class: 'muted' }, 'No key moments: no resignations, complaint storms, options or cash crises.'),
      ),
    ),
  );
}
