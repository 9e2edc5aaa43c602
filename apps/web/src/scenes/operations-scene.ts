import type { Decision } from '@ttc/sim';
import Phaser from 'phaser';
import { announceScreen, announceStatus, clearLog, logEntry } from '../a11y/dom-mirror';
import type { PlayEvent, PlaySession } from '../session/play-session';
import { SoloSession, type SoloSettings } from '../session/solo-session';
import { Button } from '../ui/button';
import { type CardSize, CardTile } from '../ui/card-tile';
import { onKey } from '../ui/on-key';
import { addPanel, addText, Meter } from '../ui/panel';
import { drawSparkline } from '../ui/sparkline';
import { COLOURS, DECISION_STYLE, textStyle, WIDTH } from '../ui/theme';
import type { PlayView } from '../view-model/board-view';
import { cardModel } from '../view-model/card-model';
import { explainDecision } from '../view-model/explain-decision';
import { hours, money, percent } from '../view-model/format';
import { statusText } from '../view-model/status-text';
import { markScreen, SCENES } from './scene-keys';
import type { TutorialOverlay } from './tutorial-overlay';

const CARDS = { x: 20, y: 120, width: 1040, height: 500 };
const NORMAL = { columns: 3, rows: 3, width: 340, height: 160 };
const MEDIUM = { columns: 4, rows: 4, width: 252, height: 117 };
const COMPACT = { columns: 5, rows: 6, width: 200, height: 75 };
const GAP = 10;
const DECISIONS: Decision[] = ['accommodate', 'premium', 'option', 'no'];

export interface OperationsData {
  settings?: SoloSettings;
  /** A solo game going on, or a learner's seat in a class. */
  session?: PlaySession;
}

/**
 * Operations: the cards arrive, the player decides, the clock runs. It draws what the
 * simulation says: the browser's own in solo play, the server's in a class.
 */
export class OperationsScene extends Phaser.Scene {
  session!: PlaySession;
  private normalTiles: CardTile[] = [];
  private mediumTiles: CardTile[] = [];
  private compactTiles: CardTile[] = [];
  private selected = 0;
  private view!: PlayView;
  private decisionButtons: Button[] = [];
  private header!: Phaser.GameObjects.Text;
  private clockText!: Phaser.GameObjects.Text;
  private clockMeter!: Meter;
  private speedText!: Phaser.GameObjects.Text;
  private selectionText!: Phaser.GameObjects.Text;
  private moreText!: Phaser.GameObjects.Text;
  private emptyText!: Phaser.GameObjects.Text;
  private figureTexts: Phaser.GameObjects.Text[] = [];
  private figureSubs: Phaser.GameObjects.Text[] = [];
  private sparklines: Phaser.GameObjects.Graphics[] = [];
  private backlogText!: Phaser.GameObjects.Text;
  private backlogMeter!: Meter;
  private staffTexts: Phaser.GameObjects.Text[] = [];
  private staffMeters: Meter[] = [];
  private optionsText!: Phaser.GameObjects.Text;
  private feedbackTitle!: Phaser.GameObjects.Text;
  private feedbackBody!: Phaser.GameObjects.Text;
  private banner!: Phaser.GameObjects.Container;
  private bannerText!: Phaser.GameObjects.Text;
  private bannerUntil = 0;
  private tutorial: TutorialOverlay | undefined;
  /** The walk-through is on its way: keys wait for it. */
  private tutorialLoading = false;
  private lastStatus = '';
  /** The team's latest decisions, in a class. */
  private feedTexts: Phaser.GameObjects.Text[] = [];
  private leaving = false;

  constructor() {
    super(SCENES.operations);
  }

  create(data: OperationsData): void {
    this.session = data.session ?? new SoloSession(data.settings as SoloSettings);
    if (!data.session) clearLog();
    this.leaving = false;
    this.tutorial = undefined;
    this.tutorialLoading = false;
    this.feedTexts = [];
    this.figureTexts = [];
    this.figureSubs = [];
    this.sparklines = [];
    this.staffTexts = [];
    this.staffMeters = [];
    this.selected = 0;
    this.drawFrame();
    this.bindKeys();
    markScreen('operations');
    const { round, rounds } = this.session.view();
    const keys = this.session.clock ? 'Space pauses; S changes speed' : 'F turns the explanations on or off; your trainer runs the clock';
    const announce = () =>
      announceScreen(
        `Operations, round ${round} of ${rounds}. Decide each demand with 1 to 4; arrows move between cards; ${keys}; question mark shows all keys.`,
      );
    announce();
    // Back from the help overlay: say where we are again.
    this.events.on('resume', announce);
    logEntry(`Round ${round} begins.`);
    // The guided first round is for solo practice: in a class the trainer holds the clock.
    const solo = this.session instanceof SoloSession ? this.session : undefined;
    if (solo?.settings.tutorial && round === 1) {
      // Let the first customers arrive, then walk through the screen before the clock runs.
      for (let hour = 0; hour < 4 && solo.view().cards.length === 0; hour++) solo.apply({ type: 'tick' });
      solo.held = true;
      this.tutorialLoading = true;
      // Loaded only for the guided game, so the first download stays small.
      void import('./tutorial-overlay').then(({ TutorialOverlay }) => {
        this.tutorialLoading = false;
        if (!this.scene.isActive()) return;
        this.tutorial = new TutorialOverlay(this, () => {
          solo.held = false;
          this.tutorial = undefined;
        });
      });
    }
    this.refresh();
  }

  override update(_time: number, delta: number): void {
    if (this.leaving) return;
    const events = this.session.advance(delta);
    if (events.length > 0) this.handleEvents(events);
    if (this.leaving) return;
    this.refresh();
    if (this.bannerUntil > 0 && this.time.now > this.bannerUntil) {
      this.banner.setVisible(false);
      this.bannerUntil = 0;
    }
  }

  private drawFrame(): void {
    const scenario = this.session.scenario;
    this.add.rectangle(0, 0, WIDTH, 64, COLOURS.panel).setOrigin(0);
    this.header = addText(this, 20, 8, '', 'large');
    // In a class, who sits here: "Team 2 · you are Ada · Office supplies".
    const seat = (this.session as { seatLabel?: () => string }).seatLabel?.();
    addText(this, 20, 38, seat ? `${seat} · ${scenario.name}` : scenario.name, 'tiny', COLOURS.textMuted);
    this.clockText = addText(this, 620, 8, '', 'body');
    this.clockMeter = new Meter(this, 620, 38, 320, 14, COLOURS.info);
    this.speedText = addText(this, 970, 20, '', 'large', COLOURS.text, { fontStyle: 'bold' });
    const keys = this.session.clock ? 'Space pause · S speed · F feedback · ? keys' : 'F feedback · ? keys';
    addText(this, WIDTH - 20, 22, keys, 'small', COLOURS.textMuted).setOrigin(1, 0);

    addPanel(this, CARDS.x - 10, 70, CARDS.width + 20, 560);
    addText(this, CARDS.x, 80, 'WAITING DEMANDS', 'small', COLOURS.textMuted, { fontStyle: 'bold' });
    this.moreText = addText(this, CARDS.x + CARDS.width, 80, '', 'small', COLOURS.warnCss, { fontStyle: 'bold' }).setOrigin(1, 0);
    this.emptyText = addText(
      this,
      CARDS.x + CARDS.width / 2,
      CARDS.y + 200,
      'No customer is waiting. The next requests arrive as the hours pass.',
      'body',
      COLOURS.textMuted,
    ).setOrigin(0.5);
    this.normalTiles = this.tilePool('normal', NORMAL);
    this.mediumTiles = this.tilePool('medium', MEDIUM);
    this.compactTiles = this.tilePool('compact', COMPACT);

    addPanel(this, CARDS.x - 10, 640, CARDS.width + 20, 250);
    this.selectionText = addText(this, CARDS.x, 650, '', 'body', COLOURS.text, { fontStyle: 'bold', fixedWidth: CARDS.width });
    this.decisionButtons = DECISIONS.map((decision, index) => {
      const style = DECISION_STYLE[decision];
      return new Button(this, CARDS.x, 686 + index * 48, {
        width: CARDS.width,
        height: 42,
        label: '',
        hint: `key ${style.key}`,
        onPress: () => this.decide(decision),
        textRole: 'small',
      });
    });

    // Right column: the three figures, the staff, feedback.
    const right = 1080;
    addPanel(this, right, 70, 500, 270, 'The three figures');
    const labels = ['Profit', 'Exhaustion', 'Loyalty'];
    labels.forEach((label, index) => {
      const y = 104 + index * 78;
      addText(this, right + 16, y, label, 'small', COLOURS.textMuted);
      this.figureTexts.push(addText(this, right + 16, y + 20, '', 'heading'));
      this.figureSubs.push(addText(this, right + 16, y + 56, '', 'tiny', COLOURS.textMuted));
      this.sparklines.push(this.add.graphics());
    });
    addPanel(this, right, 350, 500, 280, 'Staff');
    this.backlogText = addText(this, right + 16, 384, '', 'tiny', COLOURS.text, { fixedWidth: 468 });
    this.backlogMeter = new Meter(this, right + 16, 408, 468, 14, COLOURS.warn);
    for (let index = 0; index < 8; index++) {
      this.staffTexts.push(addText(this, right + 16, 428 + index * 22, '', 'tiny', COLOURS.text, { fixedWidth: 290 }));
      this.staffMeters.push(new Meter(this, right + 310, 432 + index * 22, 174, 12, COLOURS.accent));
    }
    this.optionsText = addText(this, right + 16, 604, '', 'tiny', COLOURS.goodCss, { fixedWidth: 468 });
    // In a class the feedback panel shares its space with the team's latest decisions.
    const teamFeed = this.session.mode === 'class';
    addPanel(this, right, 640, 500, teamFeed ? 132 : 250, 'Feedback');
    this.feedbackTitle = addText(this, right + 16, 676, '', 'small', COLOURS.text, {
      fontStyle: 'bold',
      wordWrap: { width: 468 },
      ...(teamFeed ? { maxLines: 2 } : {}),
    });
    this.feedbackBody = addText(this, right + 16, 720, '', 'tiny', COLOURS.text, {
      wordWrap: { width: 468 },
      lineSpacing: 3,
      ...(teamFeed ? { maxLines: 2 } : {}),
    });
    if (teamFeed) {
      addPanel(this, right, 780, 500, 110, 'Team decisions');
      for (let line = 0; line < 2; line++)
        this.feedTexts.push(
          addText(this, right + 16, 812 + line * 38, '', 'tiny', COLOURS.text, { wordWrap: { width: 468 }, maxLines: 2 }),
        );
    }
    if (this.session.feedback)
      this.showFeedback(
        'Decide a card to see why',
        'After each decision this panel explains what happened and what the other answers would probably have done. Press F to turn it off.',
      );

    this.banner = this.add.container(0, 64);
    const bannerBack = this.add.rectangle(0, 0, WIDTH, 50, COLOURS.warn).setOrigin(0);
    this.bannerText = this.add.text(20, 25, '', textStyle('body', COLOURS.textDark, { fontStyle: 'bold' })).setOrigin(0, 0.5);
    this.banner.add([bannerBack, this.bannerText]).setVisible(false).setDepth(10);
  }

  /** A grid of hidden card tiles of one size, filled in by refresh(). */
  private tilePool(size: CardSize, grid: { columns: number; rows: number; width: number; height: number }): CardTile[] {
    return Array.from({ length: grid.columns * grid.rows }, (_, index) => {
      const tile = new CardTile(this, size, grid.width, grid.height, (picked) => this.selectTile(picked));
      tile.setPosition(
        CARDS.x + (index % grid.columns) * (grid.width + GAP),
        CARDS.y + Math.floor(index / grid.columns) * (grid.height + GAP),
      );
      tile.hide();
      return tile;
    });
  }

  private bindKeys(): void {
    const keyboard = this.input.keyboard;
    if (!keyboard) return;
    onKey(this, (event) => {
      if (this.tutorialLoading) return;
      if (this.tutorial) {
        this.tutorial.handleKey(event);
        return;
      }
      const columns = this.layout().columns;
      switch (event.key) {
        case '1':
        case '2':
        case '3':
        case '4':
          this.decide(DECISIONS[Number(event.key) - 1] as Decision);
          break;
        case 'ArrowRight':
          this.moveSelection(1);
          break;
        case 'ArrowLeft':
          this.moveSelection(-1);
          break;
        case 'ArrowDown':
          this.moveSelection(columns);
          break;
        case 'ArrowUp':
          this.moveSelection(-columns);
          break;
        case ' ':
          event.preventDefault();
          this.togglePause();
          break;
        case 's':
        case 'S': {
          const clock = this.session.clock;
          if (clock) {
            clock.cycleSpeed();
            logEntry(`Speed ×${clock.speed}.`);
          } else logEntry('Your trainer sets the pace of the clock.');
          break;
        }
        case 'f':
        case 'F':
          this.session.feedback = !this.session.feedback;
          logEntry(`Feedback ${this.session.feedback ? 'on' : 'off'}.`);
          break;
        case '?':
          this.openHelp();
          break;
      }
    });
  }

  private togglePause(): void {
    const clock = this.session.clock;
    if (!clock) {
      logEntry('Only your trainer can pause the clock.');
      return;
    }
    clock.paused = !clock.paused;
    logEntry(clock.paused ? 'Paused.' : 'Resumed.');
  }

  private openHelp(): void {
    // A solo clock waits while the help shows; a class's clock runs on (the trainer holds it).
    const clock = this.session.clock;
    const wasPaused = clock?.paused ?? false;
    if (clock) clock.paused = true;
    this.scene.launch(SCENES.help, {
      from: SCENES.operations,
      inClass: this.session.mode === 'class',
      onClose: () => {
        if (clock) clock.paused = wasPaused;
      },
    });
    this.scene.pause();
  }

  /** The largest cards that fit every waiting demand (up to 30 on screen). */
  private layout(): { columns: number; tiles: CardTile[] } {
    const count = this.view.cards.length;
    if (count <= NORMAL.columns * NORMAL.rows) return { columns: NORMAL.columns, tiles: this.normalTiles };
    if (count <= MEDIUM.columns * MEDIUM.rows) return { columns: MEDIUM.columns, tiles: this.mediumTiles };
    return { columns: COMPACT.columns, tiles: this.compactTiles };
  }

  private moveSelection(step: number): void {
    const count = this.view.cards.length;
    if (count === 0) return;
    this.selected = Math.max(0, Math.min(count - 1, this.selected + step));
    this.refresh();
  }

  private selectTile(tile: CardTile): void {
    const index = this.view.cards.findIndex((card) => card.demand.id === tile.demandId);
    if (index >= 0) this.selected = index;
    this.refresh();
  }

  private async decide(decision: Decision): Promise<void> {
    const card = this.view.cards[this.selected];
    if (!card || this.view.phase !== 'operations') return;
    // A class card whose previews have not arrived yet can still be decided: the server checks.
    if (card.previews && !card.previews[decision].available) {
      this.showFeedback(
        'No option built for this yet',
        `Build a standard option for "${card.categoryName}" in the planning phase, then you can steer customers to it.`,
      );
      return;
    }
    const reply = await this.session.decideCard(card.demand.id, decision);
    // The screen may have moved on (the round ended) while a class's answer travelled.
    if (this.leaving || !this.scene.isActive()) return;
    if (!reply.ok) {
      if (this.session.mode === 'class') {
        logEntry(`${card.customerName}, ${card.categoryName}: ${reply.message}`);
        this.showFeedback(reply.gentle ? 'Already taken care of' : 'Not decided', reply.message);
      }
      return;
    }
    const explanation = explainDecision(reply.outcome, reply.card, this.session.scenario);
    logEntry(`${card.customerName}, ${card.categoryName}: ${DECISION_STYLE[decision].label}. ${explanation.headline}. ${explanation.why}`);
    if (this.session.feedback)
      this.showFeedback(explanation.headline, [explanation.why, explanation.alternatives].filter(Boolean).join('\n\n'));
    this.refresh();
  }

  private showFeedback(title: string, body: string): void {
    this.feedbackTitle.setText(title);
    this.feedbackBody.setY(this.feedbackTitle.y + this.feedbackTitle.height + 8).setText(body);
  }

  private handleEvents(events: PlayEvent[]): void {
    for (const event of events) {
      if (event.kind === 'event') {
        this.bannerText.setText(`⚠ ${event.name}: ${event.description}`);
        this.banner.setVisible(true);
        this.bannerUntil = this.time.now + 9000;
        logEntry(`Event: ${event.name}. ${event.description}`);
      } else if (event.kind === 'log') logEntry(event.text);
      else if (event.kind === 'round-ended') {
        logEntry(event.gameEnded ? 'The last round is over.' : `Round ${event.round} is over: planning.`);
        this.leaving = true;
        this.scene.start(event.gameEnded ? SCENES.debrief : SCENES.planning, { session: this.session });
        return;
      }
    }
  }

  refresh(): void {
    const session = this.session;
    this.view = session.view();
    const view = this.view;
    const scenario = session.scenario;
    const { figures } = view;
    this.selected = Math.max(0, Math.min(this.selected, view.cards.length - 1));
    this.header.setText(`Round ${view.round} of ${view.rounds} · Operations`);
    this.clockText.setText(`Hour ${Math.min(view.tick + 1, view.ticksPerRound)} of ${view.ticksPerRound}`);
    this.clockMeter.set((view.tick + session.tickProgress()) / view.ticksPerRound);
    this.speedText.setText(session.clockLabel());

    const { tiles } = this.layout();
    for (const pool of [this.normalTiles, this.mediumTiles, this.compactTiles]) {
      if (pool !== tiles) for (const tile of pool) if (tile.visible) tile.hide();
    }
    // Keep the selected card visible when there are more cards than tiles.
    const first = Math.max(0, Math.min(this.selected - tiles.length + 1, view.cards.length - tiles.length));
    tiles.forEach((tile, index) => {
      const card = view.cards[first + index];
      if (card) tile.show(cardModel(card, scenario), first + index === this.selected);
      else if (tile.visible) tile.hide();
    });
    const hidden = view.cards.length - tiles.length;
    this.moreText.setText(hidden > 0 ? `+${hidden} more waiting` : `${view.cards.length} waiting`);
    this.emptyText.setVisible(view.cards.length === 0);

    const card = view.cards[this.selected];
    if (card) session.select(card.demand.id);
    const model = card ? cardModel(card, scenario) : undefined;
    this.selectionText.setText(model ? `${model.customer} (${model.segment}) — ${model.category}, ${model.cares}` : 'No card selected');
    this.decisionButtons.forEach((button, index) => {
      const choice = model?.choices[index];
      const style = DECISION_STYLE[DECISIONS[index] as Decision];
      button.setLabel(`${style.symbol}  ${style.label}${choice ? ` — ${choice.summary}` : ''}`);
      button.setEnabled(!!choice?.available);
    });

    this.figureTexts[0]?.setText(money(figures.profitCents, scenario.currency, false));
    this.figureSubs[0]?.setText(
      `cash ${money(figures.cashCents, scenario.currency, false)} · reputation ${Math.round(figures.reputation)}`,
    );
    this.figureTexts[1]?.setText(`${Math.round(figures.exhaustion.current)} / 100`);
    this.figureSubs[1]?.setText(`peak ${Math.round(figures.exhaustion.peak)} · mistakes ${figures.errors}`);
    this.figureTexts[2]?.setText(`${Math.round(figures.loyalty)} / 100`);
    this.figureSubs[2]?.setText(`retention ${percent(figures.retention)} · ${figures.customersActive} customers`);
    // The last 48 hours of each figure, beside it: profit on its own scale, the others 0..100.
    const recent = session.recentFigures();
    const charts: [(record: (typeof recent)[number]) => number, number, [number, number] | undefined][] = [
      [(record) => record.profitCents, COLOURS.info, undefined],
      [(record) => record.exhaustion, COLOURS.accent, [0, 100]],
      [(record) => record.loyalty, COLOURS.good, [0, 100]],
    ];
    charts.forEach(([value, colour, range], index) => {
      const graphics = this.sparklines[index];
      if (graphics) drawSparkline(graphics, recent.map(value), 1080 + 250, 112 + index * 78, 220, 50, colour, range);
    });

    const queued = view.backlogHours / Math.max(view.capacityPerTick, 0.1);
    this.backlogText.setText(
      `Backlog ${hours(view.backlogHours)}: ${queued.toFixed(1)} hours of work queued · ${view.staff.length} staff, ${view.capacityPerTick.toFixed(1)} h/hour`,
    );
    this.backlogMeter.set(queued / 12);
    this.staffTexts.forEach((text, index) => {
      const member = view.staff[index];
      text.setText(
        member
          ? `${member.name}${member.newHire ? ' (new)' : ''}: ${Math.round(member.exhaustion)}${member.resignChance > 0.05 ? ` ⚠ may quit (${percent(member.resignChance)})` : ''}`
          : '',
      );
      this.staffMeters[index]?.set(
        member ? member.exhaustion / 100 : 0,
        member && member.resignChance > 0.05 ? COLOURS.bad : COLOURS.accent,
      );
    });
    const options = view.options.map(
      (option) => `${scenario.categories[option.category]?.name ?? '?'}: ${option.status === 'live' ? `${option.uses} uses` : 'building'}`,
    );
    this.optionsText.setText(options.length > 0 ? `★ Options — ${options.join(' · ')}` : 'No standard options yet (built in planning).');
    if (!this.session.feedback && this.feedbackTitle.text === '')
      this.showFeedback('Feedback is off', 'Press F to explain each decision again.');
    if (this.feedTexts.length > 0) {
      const feed = session.teamFeed().slice(-this.feedTexts.length);
      this.feedTexts.forEach((text, index) => {
        text.setText(feed[index] ?? (index === 0 && feed.length === 0 ? 'Your team’s decisions appear here as they happen.' : ''));
      });
    }

    const status = statusText(view, scenario.currency, session.statusExtra());
    if (status !== this.lastStatus) {
      this.lastStatus = status;
      announceStatus(status);
    }
  }
}
