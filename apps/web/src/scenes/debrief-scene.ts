import Phaser from 'phaser';
import { announceScreen, announceStatus, logEntry } from '../a11y/dom-mirror';
import type { SoloSession } from '../session/solo-session';
import { savePastGame } from '../storage/past-games';
import { Button } from '../ui/button';
import { FocusList } from '../ui/focus-list';
import { onKey } from '../ui/on-key';
import { addPanel, addText } from '../ui/panel';
import { COLOURS, DECISION_STYLE } from '../ui/theme';
import { type DebriefModel, type DebriefRow, debriefModel } from '../view-model/debrief-model';
import { money } from '../view-model/format';
import { markScreen, SCENES } from './scene-keys';
import { randomSeed } from './setup-scene';

const LINE_COLOURS = [0xffffff, 0x56b4e9, 0xcc79a7, 0xe69f00, 0xb7c4d6, 0xd55e00, 0x009e73];

/** The end of a solo game: you beside every benchmark strategy on the same seed, and the lesson. */
export class DebriefScene extends Phaser.Scene {
  constructor() {
    super(SCENES.debrief);
  }

  create(data: { session: SoloSession }): void {
    const { session } = data;
    const scenario = session.scenario;
    const model = debriefModel(session.game, session.decisions);
    const you = model.rows[0] as DebriefRow;
    savePastGame({
      finishedAt: new Date().toISOString(),
      scenarioId: scenario.id,
      scenarioName: scenario.name,
      seed: session.settings.seed,
      length: session.settings.length,
      profitCents: you.profitCents,
      exhaustion: you.exhaustion,
      loyalty: you.loyalty,
      balancedScore: you.balancedScore,
      currency: scenario.currency,
    });
    markScreen('debrief');
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
    addPanel(this, 1080, 360, 510, 260, 'Three telling moments');
    model.moments.forEach((moment, index) => {
      addText(this, 1096, 392 + index * 74, moment.when, 'tiny', COLOURS.focusCss, { fontStyle: 'bold' });
      addText(this, 1096, 412 + index * 74, moment.text, 'tiny', COLOURS.text, { wordWrap: { width: 480 }, maxLines: 2 });
    });
    if (model.moments.length === 0) addText(this, 1096, 392, 'A calm game: no resignation, storm or crisis.', 'tiny');
    addPanel(this, 1080, 630, 510, 180, 'The lesson');
    addText(this, 1096, 660, model.lesson, 'tiny', COLOURS.text, { wordWrap: { width: 480 }, lineSpacing: 3 });

    const focus = new FocusList(this, { arrows: 'horizontal' });
    const again = new Button(this, 1080, 826, {
      width: 200,
      height: 56,
      label: 'Play again',
      hint: 'Enter',
      colour: COLOURS.good,
      onPress: () => this.restart(session, session.settings.seed),
    });
    const fresh = new Button(this, 1290, 826, {
      width: 160,
      height: 56,
      label: 'New seed',
      hint: 'N',
      onPress: () => this.restart(session, randomSeed()),
    });
    const title = new Button(this, 1460, 826, {
      width: 130,
      height: 56,
      label: 'Title',
      hint: 'Esc',
      onPress: () => this.scene.start(SCENES.title),
    });
    const exportFile = new Button(this, 1330, 16, {
      width: 260,
      height: 56,
      label: 'Export replay file',
      hint: 'E',
      // The writer rides with the classroom code: solo play loads it only for this.
      onPress: () => void import('../classroom/entry').then((entry) => entry.downloadSoloReplay(session)),
    });
    focus.set([again, fresh, title, exportFile], 0);
    onKey(this, (event) => {
      if (event.key === 'n' || event.key === 'N') fresh.press();
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

  private restart(session: SoloSession, seed: number): void {
    this.scene.start(SCENES.operations, { settings: { ...session.settings, seed, tutorial: false } });
  }

  private drawTable(model: DebriefModel, currency: string): void {
    addPanel(this, 10, 90, 1060, 300);
    const columns = [26, 330, 520, 680, 830, 960];
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
      this.add.rectangle(columns[0] as number, y + 10, 18, 6, colour).setOrigin(0, 0.5);
      const style = row.you ? { fontStyle: 'bold' } : {};
      addText(this, (columns[0] as number) + 28, y, `${index + 1}. ${row.you ? '▶ You' : row.name}`, 'body', COLOURS.text, style);
      addText(this, columns[1] as number, y, money(row.profitCents, currency, false), 'body', COLOURS.text, style);
      addText(this, columns[2] as number, y, `${Math.round(row.exhaustion)}`, 'body', COLOURS.text, style);
      addText(this, columns[3] as number, y, `${Math.round(row.loyalty)}`, 'body', COLOURS.text, style);
      addText(this, columns[4] as number, y, row.balancedScore.toFixed(1), 'body', COLOURS.text, style);
      addText(this, columns[5] as number, y, `${row.staffLost}`, 'body', COLOURS.text, style);
    });
  }

  private drawCharts(model: DebriefModel): void {
    addPanel(this, 10, 400, 1060, 490, 'Over time: you (white, thick) and the benchmarks');
    const charts: [string, (row: DebriefRow) => number[], [number, number] | undefined][] = [
      ['Profit', (row) => row.history.map((record) => record.profitCents), undefined],
      ['Exhaustion', (row) => row.history.map((record) => record.exhaustion), [0, 100]],
      ['Loyalty', (row) => row.history.map((record) => record.loyalty), [0, 100]],
    ];
    charts.forEach(([label, series, range], chartIndex) => {
      const x = 30 + chartIndex * 345;
      const y = 470;
      const width = 320;
      const height = 330;
      addText(this, x, 436, label, 'small', COLOURS.text, { fontStyle: 'bold' });
      this.add.rectangle(x, y, width, height, COLOURS.background).setOrigin(0).setStrokeStyle(1, COLOURS.panelBorder);
      const all = model.rows.flatMap(series);
      const min = range?.[0] ?? Math.min(0, ...all);
      const max = range?.[1] ?? Math.max(1, ...all);
      addText(
        this,
        x + 4,
        y + 2,
        label === 'Profit' ? `${Math.round(max / 100).toLocaleString('en-GB')}` : `${max}`,
        'tiny',
        COLOURS.textMuted,
      );
      addText(
        this,
        x + 4,
        y + height - 20,
        label === 'Profit' ? `${Math.round(min / 100).toLocaleString('en-GB')}` : `${min}`,
        'tiny',
        COLOURS.textMuted,
      );
      const graphics = this.add.graphics();
      // Benchmarks first, you on top.
      [...model.rows].reverse().forEach((row) => {
        const values = series(row);
        if (values.length < 2) return;
        graphics.lineStyle(row.you ? 5 : 2, LINE_COLOURS[model.rows.indexOf(row)] ?? 0xffffff, row.you ? 1 : 0.85);
        graphics.beginPath();
        values.forEach((value, index) => {
          const px = x + (index / (values.length - 1)) * width;
          const py = y + height - ((value - min) / (max - min || 1)) * height;
          if (index === 0) graphics.moveTo(px, py);
          else graphics.lineTo(px, py);
        });
        graphics.strokePath();
      });
    });
    let legendX = 30;
    model.rows.forEach((row, index) => {
      this.add.rectangle(legendX, 826, 22, row.you ? 8 : 4, LINE_COLOURS[index] ?? 0xffffff).setOrigin(0, 0.5);
      const label = addText(this, legendX + 28, 815, row.you ? 'You' : row.name, 'tiny');
      legendX += 28 + label.width + 22;
    });
  }

  private drawMix(model: DebriefModel): void {
    addPanel(this, 1080, 90, 510, 260, 'Your decision mix');
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
      const y = 124 + index * 42;
      addText(this, 1096, y, label, 'small');
      this.add.rectangle(1260, y + 4, (count / most) * 260, 22, colour).setOrigin(0);
      addText(this, 1530, y, `${count}`, 'small').setOrigin(0, 0);
    });
  }
}
