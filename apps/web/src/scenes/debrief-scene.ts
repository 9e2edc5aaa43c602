import Phaser from 'phaser';
import { announceScreen, announceStatus, logEntry, refuseKey } from '../a11y/dom-mirror';
import type { SoloRecord } from '../session/solo-record';
import { newSoloGame, randomSeed } from '../session/solo-session';
import { savePastGame } from '../storage/past-games';
import { Button } from '../ui/button';
import { type DashPattern, strokeDashed } from '../ui/dashed-line';
import { setFittedText } from '../ui/fit-text';
import { FocusList } from '../ui/focus-list';
import { onKey } from '../ui/on-key';
import { addPanel, addText } from '../ui/panel';
import { COLOURS, DECISION_STYLE } from '../ui/theme';
import { type DebriefModel, type DebriefRow, debriefModel } from '../view-model/debrief-model';
import { money } from '../view-model/format';
import { pastGameOf } from '../view-model/solo-summary';
import { markScreen, SCENES } from './scene-keys';

// You first, then the benchmarks in the model's order: each line has a colour, a dash pattern and a name at its end.
const LINE_COLOURS = [0xffffff, 0x56b4e9, 0xcc79a7, 0xe69f00, 0xb7c4d6, 0xd55e00, 0x009e73];
const LINE_DASHES: DashPattern[] = [[], [14, 6], [3, 5], [14, 5, 3, 5], [7, 7], [2, 9], [22, 6]];
const SHORT_NAMES: Record<string, string> = {
  'Always accommodate': 'Accommodate',
  'Always no': 'Always no',
  'Always premium': 'Premium',
  'Idle (did nothing)': 'Idle',
};

/** The end of a solo game: you beside every benchmark strategy on the same seed, and the lesson. */
export class DebriefScene extends Phaser.Scene {
  constructor() {
    super(SCENES.debrief);
  }

  create(data: { record: SoloRecord }): void {
    const session = data.record;
    const scenario = session.game.scenario;
    const model = debriefModel(session.game, session.decisions);
    const you = model.rows[0] as DebriefRow;
    savePastGame(pastGameOf(session, you, new Date().toISOString()));
    markScreen('debrief', this);
    addText(this, 20, 14, `Debrief — ${scenario.name}, seed ${session.settings.seed}`, 'heading');
    addText(
      this,
      20,
      54,
      `You placed ${model.rank} of ${model.rows.length} on balanced score. Every benchmark played your exact seed.`,
      'small',
      COLOURS.textMuted,
    );

    this.drawTable(model, scenario.currency);
    this.drawCharts(model);
    this.drawMix(model);
    addPanel(this, 1080, 322, 510, 412, 'Three telling moments');
    let top = 358;
    model.moments.forEach((moment) => {
      addText(this, 1096, top, moment.when, 'tiny', COLOURS.focusCss, { fontStyle: 'bold' });
      const text = addText(this, 1096, top + 26, '', 'tiny', COLOURS.text, { wordWrap: { width: 478 } });
      setFittedText(text, moment.text, 478, 3);
      top += 26 + text.height + 18;
    });
    if (model.moments.length === 0) addText(this, 1096, top, 'A calm game: no resignation, storm or crisis.', 'tiny');
    addPanel(this, 10, 754, 1060, 136, 'The lesson');
    const lesson = addText(this, 26, 786, '', 'tiny', COLOURS.text, { wordWrap: { width: 1028 }, lineSpacing: 1 });
    setFittedText(lesson, model.lesson, 1028, 4);

    // Space must not start a new game (it would skip this debrief): Enter or N does, on purpose.
    const focus = new FocusList(this, { arrows: 'horizontal', space: false });
    const again = new Button(this, 1080, 744, {
      width: 510,
      height: 56,
      textRole: 'small',
      label: 'Play the same seed again',
      hint: 'Enter',
      colour: COLOURS.good,
      onPress: () => this.restart(session, session.settings.seed),
    });
    const fresh = new Button(this, 1080, 812, {
      width: 250,
      height: 56,
      textRole: 'small',
      label: 'New seed',
      spoken: 'New game with a new seed',
      hint: 'N',
      onPress: () => this.restart(session, randomSeed()),
    });
    const title = new Button(this, 1340, 812, {
      width: 250,
      height: 56,
      textRole: 'small',
      label: 'Title',
      spoken: 'Back to the title',
      hint: 'Esc',
      onPress: () => this.scene.start(SCENES.title),
    });
    const exportFile = new Button(this, 1330, 16, {
      width: 260,
      height: 56,
      textRole: 'small',
      label: 'Export replay file',
      hint: 'E',
      // The writer rides with the classroom code: solo play loads it only for this.
      onPress: () => void import('../session/solo-replay-export').then((exporter) => exporter.downloadSoloReplay(session)),
    });
    focus.set([again, fresh, title, exportFile], 0);
    onKey(this, (event) => {
      if (event.key === ' ') {
        event.preventDefault();
        refuseKey('Space does nothing on the debrief: Enter plays the same seed again, N starts a new seed, Escape goes to the title.');
      } else if (['1', '2', '3', '4'].includes(event.key))
        // A decision key pressed as the last round ended lands here: say why it did nothing.
        refuseKey(
          `The game is over, so key ${event.key} decides nothing: Enter plays the same seed again, N starts a new seed, Escape goes to the title.`,
        );
      else if (event.key === 'n' || event.key === 'N') fresh.press();
      else if (event.key === 'e' || event.key === 'E') exportFile.press();
      else if (event.key === 'Escape') title.press();
    });

    const rows = model.rows.map(
      (row) =>
        `${row.name}: balanced score ${row.balancedScore.toFixed(1)}, profit ${money(row.profitCents, scenario.currency, false)}, exhaustion ${Math.round(row.exhaustion)}, loyalty ${Math.round(row.loyalty)}`,
    );
    announceStatus(`Game over. Rank ${model.rank} of ${model.rows.length}. ${rows[0]}.`);
    announceScreen(
      `Debrief. ${rows.join('. ')}. Lesson: ${model.lesson} Press Enter to play the same seed again, N for a new seed, E to export a replay file, Escape for the title.`,
    );
    logEntry(`Game over: you placed ${model.rank} of ${model.rows.length}.`);
  }

  private restart(session: SoloRecord, seed: number): void {
    this.scene.start(SCENES.operations, { session: newSoloGame({ ...session.settings, seed, tutorial: false }), newGame: true });
  }

  private drawTable(model: DebriefModel, currency: string): void {
    addPanel(this, 10, 90, 1060, 300);
    const columns = [26, 345, 480, 655, 790, 930];
    ['Player', 'Profit', 'Exhaustion', 'Loyalty', 'Balanced', 'Staff lost'].forEach((label, index) => {
      addText(this, columns[index] as number, 102, label.toUpperCase(), 'tiny', COLOURS.textMuted, { fontStyle: 'bold' });
    });
    const sorted = [...model.rows].sort((a, b) => b.balancedScore - a.balancedScore);
    sorted.forEach((row, index) => {
      // Seven rows (you and six benchmarks) fit the panel at 36 px each.
      const y = 130 + index * 36;
      const colour = LINE_COLOURS[model.rows.indexOf(row)] ?? 0xffffff;
      if (row.you)
        this.add
          .rectangle(16, y - 5, 1048, 34, COLOURS.panelRaised)
          .setOrigin(0)
          .setStrokeStyle(2, COLOURS.focus);
      const rowIndex = model.rows.indexOf(row);
      strokeDashed(
        this.add.graphics().lineStyle(row.you ? 5 : 3, colour, 1),
        [
          { x: columns[0] as number, y: y + 14 },
          { x: (columns[0] as number) + 36, y: y + 14 },
        ],
        LINE_DASHES[rowIndex] ?? [],
      );
      const style = row.you ? { fontStyle: 'bold' } : {};
      const cells = [
        `${index + 1}. ${row.you ? '▶ You' : row.name}`,
        money(row.profitCents, currency, false),
        `${Math.round(row.exhaustion)}`,
        `${Math.round(row.loyalty)}`,
        row.balancedScore.toFixed(1),
        `${row.staffLost}`,
      ];
      cells.forEach((cell, column) => {
        addText(this, (columns[column] as number) + (column === 0 ? 46 : 0), y, cell, 'small', COLOURS.text, style);
      });
    });
  }

  private drawCharts(model: DebriefModel): void {
    addPanel(this, 10, 398, 1060, 348, 'Over time: you (white, solid) and the benchmarks (dashed, named at the end)');
    const charts: [string, (row: DebriefRow) => number[], [number, number] | undefined][] = [
      ['Profit', (row) => row.history.map((record) => record.profitCents), undefined],
      ['Exhaustion', (row) => row.history.map((record) => record.exhaustion), [0, 100]],
      ['Loyalty', (row) => row.history.map((record) => record.loyalty), [0, 100]],
    ];
    charts.forEach(([label, series, range], chartIndex) => {
      const x = 26 + chartIndex * 345;
      const y = 470;
      const width = 186;
      const height = 260;
      addText(this, x, 434, label, 'small', COLOURS.text, { fontStyle: 'bold' });
      this.add.rectangle(x, y, width, height, COLOURS.background).setOrigin(0).setStrokeStyle(1, COLOURS.panelBorder);
      const all = model.rows.flatMap(series);
      const min = range?.[0] ?? Math.min(0, ...all);
      const max = range?.[1] ?? Math.max(1, ...all);
      const scale = (value: number) => y + height - ((value - min) / (max - min || 1)) * height;
      const axis = (value: number) => (label === 'Profit' ? `${Math.round(value / 100).toLocaleString('en-GB')}` : `${value}`);
      addText(this, x + 4, y + 2, axis(max), 'tiny', COLOURS.textMuted);
      addText(this, x + 4, y + height - 24, axis(min), 'tiny', COLOURS.textMuted);
      const graphics = this.add.graphics();
      const ends: { row: DebriefRow; index: number; y: number }[] = [];
      // Benchmarks first, you on top.
      [...model.rows].reverse().forEach((row) => {
        const values = series(row);
        const index = model.rows.indexOf(row);
        if (values.length < 2) return;
        const points = values.map((value, step) => ({ x: x + (step / (values.length - 1)) * width, y: scale(value) }));
        graphics.lineStyle(row.you ? 5 : 2.5, LINE_COLOURS[index] ?? 0xffffff, row.you ? 1 : 0.9);
        strokeDashed(graphics, points, LINE_DASHES[index] ?? []);
        ends.push({ row, index, y: (points[points.length - 1] as { y: number }).y });
      });
      this.labelLineEnds(ends, x + width, y, height);
    });
  }

  /** Names each line at its end, spread out so names never overlap, with a leader to the line. */
  private labelLineEnds(ends: { row: DebriefRow; index: number; y: number }[], right: number, top: number, height: number): void {
    const gap = 23;
    const sorted = [...ends].sort((a, b) => a.y - b.y);
    const placed: number[] = [];
    sorted.forEach((end, order) => {
      const lowest = order === 0 ? top : (placed[order - 1] as number) + gap;
      placed.push(Math.max(lowest, Math.min(end.y, top + height - gap * (sorted.length - order))));
    });
    const leaders = this.add.graphics();
    sorted.forEach((end, order) => {
      const labelY = placed[order] as number;
      leaders.lineStyle(1, LINE_COLOURS[end.index] ?? 0xffffff, 0.9).lineBetween(right + 2, end.y, right + 12, labelY);
      const name = end.row.you ? 'You' : (SHORT_NAMES[end.row.name] ?? end.row.name);
      addText(this, right + 14, labelY - 11, name, 'tiny', COLOURS.text, end.row.you ? { fontStyle: 'bold' } : {});
    });
  }

  private drawMix(model: DebriefModel): void {
    addPanel(this, 1080, 90, 510, 224, 'Your decision mix');
    const mix = model.decisionMix;
    const entries: [string, number, number][] = [
      [`${DECISION_STYLE.accommodate.symbol} Accommodate`, mix.accommodate, DECISION_STYLE.accommodate.colour],
      [`${DECISION_STYLE.premium.symbol} Premium`, mix.premium, DECISION_STYLE.premium.colour],
      [`${DECISION_STYLE.option.symbol} Option`, mix.option, DECISION_STYLE.option.colour],
      [`${DECISION_STYLE.no.symbol} Gentle no`, mix.no, DECISION_STYLE.no.colour],
      ['… Ignored', mix.ignored, COLOURS.bad],
    ];
    const most = Math.max(1, ...entries.map(([, count]) => count));
    entries.forEach(([label, count, colour], index) => {
      const y = 132 + index * 36;
      addText(this, 1096, y, label, 'tiny');
      this.add.rectangle(1270, y + 3, (count / most) * 250, 20, colour).setOrigin(0);
      addText(this, 1574, y, `${count}`, 'tiny').setOrigin(1, 0);
    });
  }
}
