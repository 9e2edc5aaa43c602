import { checkpointMismatches } from '@ttc/protocol';
import { createReplayIndex, type ReplayIndex, teamView } from '@ttc/sim';
import { announceStatus } from '../../a11y/dom-mirror';
import { plainKey, typingInField } from '../../ui/keys';
import { money } from '../../view-model/format';
import {
  decisionCollector,
  jumpTarget,
  keyMomentStops,
  momentLabel,
  nextSpeed,
  playStep,
  type ReplaySpeed,
  SPEEDS,
  tickLabel,
} from '../../view-model/replay-model';
import { teamColour, teamMarker } from '../debrief/debrief-sections';
import { type LineChartSpec, lineChart, placeChartCursor } from '../debrief/line-chart';
import { fill, h } from '../dom';
import { replayBoard } from './replay-board';
import { decisionsPanel } from './replay-decisions';
import { notesPanel } from './replay-notes';
import { sharesPanel } from './replay-shares';
import type { ReplaySource } from './replay-source';

// The replay viewer: the session played again from its record, any point reachable at once
// through the replay index's snapshots. Everything on screen follows one number, the position.

const MAX_TEAM_KEYS = 8;

function verification(source: ReplaySource, index: ReplayIndex): { text: string; tone: 'good' | 'warn' | 'muted' } {
  // A file can be checked against itself only: it replays to what it records, but cannot prove who played it.
  if (source.access === 'file') return { text: 'Replays to the result it records', tone: 'muted' };
  if (source.checkpoints.length === 0) return { text: 'Not verified: the live session recorded no checkpoints', tone: 'muted' };
  const mismatches = checkpointMismatches(index, source.checkpoints);
  if (mismatches.length === 0)
    return { text: `✓ Verified against the live session (${source.checkpoints.length} checkpoints)`, tone: 'good' };
  const first = mismatches[0];
  return {
    text: `⚠ Differs from the live session at ${mismatches.length} of ${source.checkpoints.length} checkpoints${first ? `, first at ${tickLabel(first.tick, source.setup.ticksPerRound ?? 1)}` : ''}`,
    tone: 'warn',
  };
}

export interface ReplayViewer {
  element: HTMLElement;
  /** Starts listening to keys and checks the checkpoints; returns what to undo. */
  start(): () => void;
}

export function replayViewer(source: ReplaySource, leave: { label: string; go: () => void }): ReplayViewer {
  // One replay builds the index and the decisions list together.
  const collector = decisionCollector(source.actors, source.players);
  const index = createReplayIndex(source.setup, source.commands, { observe: collector.observe });
  const rows = collector.rows;
  const final = index.gameAt(index.length);
  const teamNames = final.state.teams.map((team) => team.name);
  const { rounds, ticksPerRound } = final.state.config;
  const scenario = index.scenario;
  const writer =
    source.access === 'facilitator' && source.sessionId && source.key ? { sessionId: source.sessionId, key: source.key } : undefined;

  let position = 0;
  /** The mark the last jump landed on, while the viewer stays there (several share a position). */
  let markIndex: number | undefined;
  let team = 0;
  let speed: ReplaySpeed = 1;
  let playing = false;
  let carried = 0;
  let frame = 0;
  let lastFrame = 0;

  // ——— Controls ————————————————————————————————————————————————
  const play = h('button', {
    type: 'button',
    class: 'primary replay-play',
    'aria-keyshortcuts': 'Space',
    onclick: () => setPlaying(!playing),
  });
  const speedButtons = SPEEDS.map((value) =>
    h('button', { type: 'button', class: 'speed', 'aria-pressed': String(value === speed), onclick: () => setSpeed(value) }, `×${value}`),
  );
  const jump = (label: string, key: string, onclick: () => void) =>
    h('button', { type: 'button', onclick, 'aria-keyshortcuts': key }, label, h('kbd', {}, key));
  const time = h('div', { class: 'replay-time', id: 'replay-time' });
  const scrubber = h('input', {
    type: 'range',
    id: 'replay-scrubber',
    min: 0,
    max: index.lastTick,
    step: 1,
    value: 0,
    list: 'replay-moments',
    'aria-label': 'Position in the session (hours)',
  });
  const stops = keyMomentStops(index.marks, index.lastTick);
  const datalist = h(
    'datalist',
    { id: 'replay-moments' },
    stops.map((stop) => h('option', { value: stop.tick, label: stop.text })),
  );
  const ticks = h(
    'div',
    { class: 'scrubber-marks', 'aria-hidden': 'true' },
    stops.map((stop) =>
      h('span', {
        class: 'scrubber-mark',
        style: `left: ${(stop.fraction * 100).toFixed(2)}%`,
        title: `${tickLabel(stop.tick, ticksPerRound)}: ${stop.text}`,
      }),
    ),
    Array.from({ length: rounds - 1 }, (_, round) =>
      h('span', {
        class: 'scrubber-round',
        style: `left: ${((((round + 1) * ticksPerRound) / Math.max(1, index.lastTick)) * 100).toFixed(2)}%`,
      }),
    ),
  );
  const controls = h(
    'div',
    { class: 'replay-controls panel', role: 'group', 'aria-label': 'Replay controls' },
    h(
      'div',
      { class: 'row' },
      play,
      h(
        'div',
        { class: 'speed-group', role: 'group', 'aria-label': 'Speed (S cycles it)' },
        h('span', { class: 'muted' }, 'Speed'),
        speedButtons,
      ),
      jump('◀ Key moment', '[', () => jumpTo('moment', -1)),
      jump('Key moment ▶', ']', () => jumpTo('moment', 1)),
      jump('◀ Decision', ',', () => jumpTo('decision', -1)),
      jump('Decision ▶', '.', () => jumpTo('decision', 1)),
      time,
    ),
    h('div', { class: 'scrubber' }, scrubber, ticks, datalist),
  );

  // ——— Board ————————————————————————————————————————————————————
  const teamButtons = teamNames.map((name, teamIndex) =>
    h(
      'button',
      {
        type: 'button',
        class: 'team-tab',
        'aria-pressed': String(teamIndex === team),
        style: `--team: ${teamColour(teamIndex)}`,
        onclick: () => showTeam(teamIndex),
      },
      name,
      teamIndex < MAX_TEAM_KEYS && teamNames.length > 1 ? h('kbd', {}, String(teamIndex + 1)) : undefined,
    ),
  );
  const boardHost = h('div', { class: 'board-host' });
  const boardHeading = h('h2', { id: 'replay-board-heading' });
  const boardPanel = h(
    'section',
    { class: 'panel replay-board-panel', 'aria-labelledby': 'replay-board-heading' },
    h(
      'div',
      { class: 'row board-head' },
      boardHeading,
      teamNames.length > 1 && h('div', { class: 'team-tabs', role: 'group', 'aria-label': 'Team shown' }, teamButtons),
    ),
    boardHost,
  );

  // ——— Charts ———————————————————————————————————————————————————
  const series = (read: (record: { profitCents: number; exhaustion: number; loyalty: number }) => number) =>
    final.state.teams.map((teamState) => ({
      label: teamState.name,
      values: teamState.history.map(read),
      colour: teamColour(teamState.index),
      marker: teamMarker(teamState.index),
    }));
  const common = { rounds, ticksPerRound, cursor: true } satisfies Partial<LineChartSpec>;
  const charts: [string, LineChartSpec][] = [
    [
      'Profit',
      {
        ...common,
        label: 'Profit of every team over the session',
        series: series((record) => record.profitCents / 100),
        format: (value) => money(value * 100, scenario.currency, false),
        min: 0,
      },
    ],
    [
      'Exhaustion',
      {
        ...common,
        label: 'Staff exhaustion of every team, 0 to 100',
        series: series((record) => record.exhaustion),
        format: (value) => String(Math.round(value)),
        min: 0,
      },
    ],
    [
      'Loyalty',
      {
        ...common,
        label: 'Customer loyalty of every team, 0 to 100',
        series: series((record) => record.loyalty),
        format: (value) => String(Math.round(value)),
      },
    ],
  ];
  const chartElements = charts.map(([, spec]) => lineChart(spec));
  const chartsPanel = h(
    'section',
    { class: 'panel replay-charts', 'aria-labelledby': 'replay-charts-heading' },
    h('h2', { id: 'replay-charts-heading' }, 'The three figures'),
    charts.map(([title], chartIndex) => h('figure', {}, h('figcaption', {}, title), chartElements[chartIndex])),
  );

  // ——— Decisions, notes, share links ————————————————————————————————————
  const seek = (next: number, announce = false) => {
    position = Math.max(0, Math.min(index.length, next));
    markIndex = undefined;
    draw();
    if (announce) announceStatus(`${timeText()}.`);
  };
  const decisions = decisionsPanel(rows, teamNames, (next) => {
    const row = rows.find((candidate) => candidate.position === next);
    if (row) team = row.team;
    seek(next, true);
  });
  const notes = notesPanel({
    notes: source.notes,
    ticksPerRound,
    writer,
    seekTick: (tick) => seek(index.positionOfTick(tick), true),
    onChange: drawNoteMarks,
  });
  const noteMarks = h('div', { class: 'scrubber-notes', 'aria-hidden': 'true' });
  controls.querySelector('.scrubber')?.append(noteMarks);
  function drawNoteMarks(): void {
    fill(
      noteMarks,
      notes.notes().map((note) =>
        h('span', {
          class: 'scrubber-note',
          style: `left: ${((note.tick / Math.max(1, index.lastTick)) * 100).toFixed(2)}%`,
          title: note.text,
        }),
      ),
    );
  }

  const check = h('span', { class: 'replay-check muted', id: 'replay-check' }, 'Checking the replay…');
  const accessText = source.access === 'share' ? 'Read-only link' : source.access === 'file' ? 'Solo replay file' : 'Facilitator';
  const element = h(
    'section',
    { class: 'screen replay-viewer', 'aria-labelledby': 'replay-title' },
    h(
      'header',
      { class: 'topbar' },
      h(
        'div',
        { class: 'title-block' },
        h('h1', { id: 'replay-title', tabindex: -1 }, 'Replay'),
        h(
          'p',
          { class: 'subtitle' },
          source.title,
          source.playedAt
            ? ` · ${new Date(source.playedAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' })}`
            : '',
          ` · ${rounds} rounds × ${ticksPerRound} hours · ${teamNames.length} ${teamNames.length === 1 ? 'team' : 'teams'}`,
        ),
      ),
      h('span', { class: 'pill', title: source.fileName }, accessText),
      check,
      h('button', { type: 'button', class: 'back-button', onclick: leave.go }, leave.label, h('kbd', {}, 'Esc')),
    ),
    controls,
    h(
      'div',
      { class: 'replay-grid' },
      boardPanel,
      chartsPanel,
      decisions.element,
      // A solo file has no notes: only a class's facilitator writes them.
      source.access !== 'file' && notes.element,
      writer && sharesPanel(writer, source.ended),
    ),
    h(
      'p',
      { class: 'muted small replay-keys' },
      'Keys: Space play or pause · S speed (×1 is one simulated hour a second) · ← → one hour · Home End start and end · [ ] key moments · , . decisions · ',
      teamNames.length > 1 ? '1–8 team · ' : '',
      writer ? 'N new note · ' : '',
      'Esc back',
    ),
  );

  // ——— Drawing ——————————————————————————————————————————————————
  function timeText(): string {
    const state = index.gameAt(position).state;
    return `${momentLabel(state.round, state.tick, ticksPerRound, state.phase)} · ${state.globalTick} of ${index.lastTick} hours`;
  }

  let drawnTeam = -1;
  let drawnPosition = -1;
  function draw(): void {
    const game = index.gameAt(position);
    const state = game.state;
    const tick = state.globalTick;
    const label = momentLabel(state.round, state.tick, ticksPerRound, state.phase);
    fill(time, h('strong', {}, label), h('span', { class: 'muted' }, ` · ${tick} of ${index.lastTick} hours`));
    scrubber.value = String(tick);
    scrubber.setAttribute('aria-valuetext', `${label}, ${tick} of ${index.lastTick} hours`);
    // Named by its words ("Play Space"); the symbol is only drawn.
    fill(play, h('span', { 'aria-hidden': 'true' }, playing ? '❚❚ ' : '▶ '), playing ? 'Pause ' : 'Play ', h('kbd', {}, 'Space'));
    for (const [speedIndex, button] of speedButtons.entries()) button.setAttribute('aria-pressed', String(SPEEDS[speedIndex] === speed));
    if (drawnTeam !== team || drawnPosition !== position) {
      const view = teamView(game, team);
      // A solo player's team is called "You".
      boardHeading.textContent = teamNames[team] === 'You' ? 'Your board' : `${teamNames[team] ?? 'Team'}’s board`;
      if (view) fill(boardHost, replayBoard(view, scenario, teamNames[team] ?? 'Team'));
      for (const [teamIndex, button] of teamButtons.entries()) button.setAttribute('aria-pressed', String(teamIndex === team));
      drawnTeam = team;
      drawnPosition = position;
    }
    for (const chart of chartElements) placeChartCursor(chart, tick);
    decisions.setPosition(position);
    notes.setTick(tick);
  }

  // ——— Actions ——————————————————————————————————————————————————
  function setPlaying(on: boolean): void {
    if (on && position >= index.length) {
      position = 0;
      markIndex = undefined;
    }
    playing = on;
    carried = 0;
    cancelAnimationFrame(frame);
    if (playing) {
      lastFrame = performance.now();
      frame = requestAnimationFrame(tickFrame);
    }
    draw();
    announceStatus(playing ? `Playing at ×${speed}.` : `Paused at ${timeText()}.`);
  }

  function tickFrame(now: number): void {
    const step = playStep(index, position, carried, now - lastFrame, speed);
    lastFrame = now;
    carried = step.carriedMs;
    if (step.position !== position) {
      position = step.position;
      markIndex = undefined;
      draw();
    }
    if (step.ended) {
      playing = false;
      draw();
      announceStatus(`The end of the replay: ${timeText()}.`);
      return;
    }
    frame = requestAnimationFrame(tickFrame);
  }

  function setSpeed(value: ReplaySpeed): void {
    speed = value;
    draw();
    announceStatus(`Speed ×${speed}.`);
  }

  function showTeam(next: number): void {
    if (next < 0 || next >= teamNames.length) return;
    team = next;
    draw();
    announceStatus(`Showing ${teamNames[team]}.`);
  }

  function jumpTo(kind: 'moment' | 'decision', direction: 1 | -1): void {
    const filter = decisions.filter();
    const target = jumpTarget(
      index.marks,
      { position, markIndex },
      kind,
      direction,
      kind === 'decision' && filter.team !== 'all' ? filter.team : undefined,
    );
    if (!target) {
      announceStatus(`No ${kind === 'decision' ? 'decision' : 'key moment'} ${direction > 0 ? 'after' : 'before'} this point.`);
      return;
    }
    const { mark } = target;
    if (mark.kind !== 'round-end') team = mark.team;
    position = mark.position;
    markIndex = target.markIndex;
    draw();
    const what =
      mark.kind === 'key-moment'
        ? `Key moment, ${teamNames[mark.team]}: ${mark.text}`
        : mark.kind === 'decision'
          ? `Decision, ${teamNames[mark.team]}: ${rows.find((row) => row.position === mark.position && row.team === mark.team)?.actor ?? ''} chose ${mark.decision}`
          : `End of round ${mark.round}`;
    announceStatus(`${what}. ${timeText()}.`);
  }

  function stepHour(direction: 1 | -1): void {
    const tick = index.tickAt(position);
    const start = index.positionOfTick(tick);
    if (direction > 0) seek(index.positionOfTick(tick + 1) > position ? index.positionOfTick(tick + 1) : index.length);
    else seek(position > start ? start : index.positionOfTick(Math.max(0, tick - 1)));
  }

  scrubber.addEventListener('input', () => {
    position = index.positionOfTick(Number(scrubber.value));
    markIndex = undefined;
    draw();
  });

  const onKey = (event: KeyboardEvent) => {
    if (!plainKey(event)) return;
    const inRange = event.target === scrubber;
    if (typingInField(event) && !inRange) return;
    const key = event.key;
    let handled = true;
    if (key === ' ') setPlaying(!playing);
    else if (key === 's' || key === 'S') setSpeed(nextSpeed(speed));
    else if (key === ']') jumpTo('moment', 1);
    else if (key === '[') jumpTo('moment', -1);
    else if (key === '.') jumpTo('decision', 1);
    else if (key === ',') jumpTo('decision', -1);
    else if ((key === 'ArrowRight' || key === 'ArrowLeft') && !inRange) stepHour(key === 'ArrowRight' ? 1 : -1);
    else if ((key === 'Home' || key === 'End') && !inRange) seek(key === 'Home' ? 0 : index.length, true);
    else if (/^[1-8]$/.test(key) && teamNames.length > 1) showTeam(Number(key) - 1);
    else if ((key === 'n' || key === 'N') && writer) notes.focusInput();
    else if (key === 'Escape') leave.go();
    else handled = false;
    if (handled) event.preventDefault();
  };

  return {
    element,
    start() {
      draw();
      drawNoteMarks();
      document.addEventListener('keydown', onKey);
      // The check replays to every checkpoint: done after the first paint, so the viewer shows at once.
      const timer = window.setTimeout(() => {
        const result = verification(source, index);
        check.textContent = result.text;
        check.className = `replay-check ${result.tone}`;
        if (result.tone === 'warn') check.setAttribute('role', 'alert');
      }, 60);
      return () => {
        cancelAnimationFrame(frame);
        window.clearTimeout(timer);
        document.removeEventListener('keydown', onKey);
      };
    },
  };
}
