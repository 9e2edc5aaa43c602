import type { Decision } from '@ttc/sim';
import Phaser from 'phaser';
import { announceScreen, announceStatus, clearLog, logEntry, refuseKey } from '../a11y/dom-mirror';
import { OperationsMirror } from '../a11y/operations-mirror';
import { StatusAnnouncer } from '../a11y/status-announcer';
import type { PlayEvent, PlaySession } from '../session/play-session';
import { Button } from '../ui/button';
import { type CardSize, CardTile } from '../ui/card-tile';
import { EventBanner } from '../ui/event-banner';
import { FiguresPanel } from '../ui/figures-panel';
import { setFittedText } from '../ui/fit-text';
import { onKey } from '../ui/on-key';
import { addPanel, addText, Meter } from '../ui/panel';
import { StaffList } from '../ui/staff-list';
import { COLOURS, DECISION_STYLE, SEGMENT_SYMBOLS, WIDTH } from '../ui/theme';
import type { PlayView } from '../view-model/board-view';
import { type CardModel, cardModel } from '../view-model/card-model';
import { explainDecision } from '../view-model/explain-decision';
import { hourLabel, hours } from '../view-model/format';
import { markScreen, SCENES } from './scene-keys';
import type { TutorialOverlay } from './tutorial-overlay';

const CARDS = { x: 20, y: 154, width: 1040, height: 460 };
const GRIDS: Record<CardSize, { columns: number; rows: number; width: number; height: number; gap: number }> = {
  normal: { columns: 3, rows: 3, width: 340, height: 150, gap: 5 },
  medium: { columns: 4, rows: 4, width: 252, height: 110, gap: 6 },
  compact: { columns: 5, rows: 5, width: 200, height: 86, gap: 7 },
};
const RIGHT = 1080;
const DECISIONS: Decision[] = ['accommodate', 'premium', 'option', 'no'];
const STAFF_ROWS = 5;

export interface OperationsData {
  /** A solo game going on, or a learner's seat in a class. */
  session: PlaySession;
  /** A game that starts here (its log starts empty). */
  newGame?: boolean;
  /** A solo game rebuilt from this browser's storage after a reload. */
  resumed?: boolean;
}

/**
 * Operations: the cards arrive, the player decides, the clock runs. It draws what the
 * simulation says: the browser's own in solo play, the server's in a class.
 */
export class OperationsScene extends Phaser.Scene {
  session!: PlaySession;
  private tiles!: Record<CardSize, CardTile[]>;
  private selected = 0;
  private view!: PlayView;
  private decisionButtons: Button[] = [];
  private header!: Phaser.GameObjects.Text;
  private clockText!: Phaser.GameObjects.Text;
  private clockMeter!: Meter;
  private speedText!: Phaser.GameObjects.Text;
  private cardsTitle!: Phaser.GameObjects.Text;
  private selectionWho!: Phaser.GameObjects.Text;
  private selectionRequest!: Phaser.GameObjects.Text;
  private selectionSaid = '';
  private moreText!: Phaser.GameObjects.Text;
  private emptyText!: Phaser.GameObjects.Text;
  private figures!: FiguresPanel;
  private backlogText!: Phaser.GameObjects.Text;
  private backlogMeter!: Meter;
  private staffList!: StaffList;
  private optionsText!: Phaser.GameObjects.Text;
  private feedbackTitle!: Phaser.GameObjects.Text;
  private feedbackBody!: Phaser.GameObjects.Text;
  private feedbackMaxLines = 0;
  private banner!: EventBanner;
  private tutorial: TutorialOverlay | undefined;
  /** The walk-through is on its way: keys wait for it. */
  private tutorialLoading = false;
  private announcer!: StatusAnnouncer;
  private mirror!: OperationsMirror;
  /** The team's latest decisions, in a class. */
  private feedTexts: Phaser.GameObjects.Text[] = [];
  private leaving = false;

  constructor() {
    super(SCENES.operations);
  }

  create(data: OperationsData): void {
    this.session = data.session;
    if (data.newGame || data.resumed) clearLog();
    this.leaving = false;
    this.tutorial = undefined;
    this.tutorialLoading = false;
    this.feedTexts = [];
    this.selected = 0;
    this.selectionSaid = '';
    this.announcer = new StatusAnnouncer();
    this.mirror = new OperationsMirror();
    this.drawFrame();
    this.bindKeys();
    markScreen('operations', this);
    const { round, rounds, tick, ticksPerRound } = this.session.view();
    const keys = this.session.clock
      ? 'Space pauses; S changes speed; Escape opens the menu'
      : 'F turns the explanations on or off; your trainer runs the clock';
    const announce = () => {
      markScreen('operations', this);
      announceScreen(
        `Operations, round ${round} of ${rounds}. Decide each demand with 1 to 4; arrows move between cards; ${keys}; question mark shows all keys.`,
      );
    };
    announce();
    // Back from the help or the menu: say where we are again (this game's words, not a past game's).
    this.events.on('resume', announce);
    this.events.once('shutdown', () => this.events.off('resume', announce));
    if (data.resumed)
      logEntry(`Game resumed: round ${round} of ${rounds}, ${hourLabel(tick, ticksPerRound).toLowerCase()}. Paused: Space plays on.`);
    else logEntry(`Round ${round} begins.`);
    // The guided first round is for solo practice: in a class the trainer holds the clock.
    const clock = this.session.clock;
    if (clock && this.session.tutorial && round === 1 && !data.resumed) {
      // Let the first customers arrive, then walk through the screen before the clock runs.
      clock.runUntilCustomers(4);
      clock.held = true;
      this.tutorialLoading = true;
      // Loaded only for the guided game, so the first download stays small.
      void import('./tutorial-overlay').then(({ TutorialOverlay }) => {
        this.tutorialLoading = false;
        if (!this.scene.isActive()) return;
        this.tutorial = new TutorialOverlay(this, () => {
          clock.held = false;
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
  }

  private drawFrame(): void {
    const scenario = this.session.scenario;
    this.add.rectangle(0, 0, WIDTH, 58, COLOURS.panel).setOrigin(0);
    this.header = addText(this, 20, 4, '', 'large');
    // In a class, who sits here: "Team 2 · you are Ada · Office supplies".
    const seat = this.session.seatLabel();
    addText(this, 20, 34, seat ? `${seat} · ${scenario.name}` : scenario.name, 'tiny', COLOURS.textMuted);
    this.clockText = addText(this, 620, 4, '', 'body');
    this.clockMeter = new Meter(this, 620, 36, 320, 12, COLOURS.info);
    this.speedText = addText(this, 970, 14, '', 'large', COLOURS.text, { fontStyle: 'bold' });
    // How many wait, in the header: the cards' title row may hold the segments' legend.
    this.moreText = addText(this, WIDTH - 20, 16, '', 'small', COLOURS.warnCss, { fontStyle: 'bold' }).setOrigin(1, 0);
    const quiet = this.session.clock
      ? '1–4 decide · arrows move between cards · Space pause · S speed · F feedback · Esc menu · ? all keys'
      : '1–4 decide · arrows move between cards · F feedback · ? all keys · your trainer runs the clock';
    this.banner = new EventBanner(this, 62, quiet);

    addPanel(this, CARDS.x - 10, 118, CARDS.width + 20, 502);
    this.cardsTitle = addText(this, CARDS.x, 126, '', 'tiny', COLOURS.textMuted, { fontStyle: 'bold' });
    this.emptyText = addText(
      this,
      CARDS.x + CARDS.width / 2,
      CARDS.y + 200,
      'No customer is waiting. The next requests arrive as the hours pass.',
      'body',
      COLOURS.textMuted,
    ).setOrigin(0.5);
    this.tiles = { normal: this.tilePool('normal'), medium: this.tilePool('medium'), compact: this.tilePool('compact') };

    addPanel(this, CARDS.x - 10, 628, CARDS.width + 20, 264);
    this.selectionWho = addText(this, CARDS.x, 636, '', 'small', COLOURS.text, { fontStyle: 'bold' });
    this.selectionRequest = addText(this, CARDS.x, 662, '', 'tiny', COLOURS.text, { wordWrap: { width: CARDS.width } });
    this.decisionButtons = DECISIONS.map((decision, index) => {
      const style = DECISION_STYLE[decision];
      return new Button(this, CARDS.x, 716 + index * 44, {
        width: CARDS.width,
        height: 40,
        label: '',
        hint: `key ${style.key}`,
        onPress: () => void this.decide(decision),
        textRole: 'small',
      });
    });

    // Right column: the three figures, the staff, feedback.
    this.figures = new FiguresPanel(this, RIGHT, 118, 510, 232);
    addPanel(this, RIGHT, 358, 510, 262, 'Staff');
    this.backlogText = addText(this, RIGHT + 16, 390, '', 'tiny', COLOURS.text);
    this.backlogMeter = new Meter(this, RIGHT + 16, 418, 478, 12, COLOURS.warn);
    this.staffList = new StaffList(this, RIGHT + 16, 438, 478, STAFF_ROWS, scenario.staff.max);
    this.optionsText = addText(this, RIGHT + 16, 590, '', 'tiny', COLOURS.goodCss);
    // In a class the feedback panel shares its space with the team's latest decisions.
    const teamFeed = this.session.mode === 'class';
    addPanel(this, RIGHT, 628, 510, teamFeed ? 136 : 264, 'Feedback');
    this.feedbackMaxLines = teamFeed ? 2 : 7;
    this.feedbackTitle = addText(this, RIGHT + 16, 660, '', 'small', COLOURS.text, {
      fontStyle: 'bold',
      wordWrap: { width: 478 },
      maxLines: teamFeed ? 1 : 2,
    });
    this.feedbackBody = addText(this, RIGHT + 16, 700, '', 'tiny', COLOURS.text, { wordWrap: { width: 478 }, lineSpacing: 2 });
    if (teamFeed) {
      addPanel(this, RIGHT, 772, 510, 120, 'Team decisions');
      for (let line = 0; line < 2; line++)
        this.feedTexts.push(addText(this, RIGHT + 16, 804 + line * 42, '', 'tiny', COLOURS.text, { wordWrap: { width: 478 } }));
    }
    if (this.session.feedback)
      this.showFeedback(
        'Decide a card to see why',
        'After each decision this panel explains what happened and what the other answers would probably have done. Press F to turn it off.',
      );
  }

  /** A grid of hidden card tiles of one size, filled in by refresh(). */
  private tilePool(size: CardSize): CardTile[] {
    const grid = GRIDS[size];
    return Array.from({ length: grid.columns * grid.rows }, (_, index) => {
      const tile = new CardTile(this, size, grid.width, grid.height, (picked) => this.selectTile(picked));
      tile.setPosition(
        CARDS.x + (index % grid.columns) * (grid.width + (CARDS.width - grid.columns * grid.width) / (grid.columns - 1)),
        CARDS.y + Math.floor(index / grid.columns) * (grid.height + grid.gap),
      );
      tile.hide();
      return tile;
    });
  }

  private bindKeys(): void {
    onKey(this, (event) => {
      if (this.tutorialLoading) return;
      if (this.tutorial) {
        this.tutorial.handleKey(event);
        return;
      }
      const columns = GRIDS[this.layoutSize()].columns;
      switch (event.key) {
        case '1':
        case '2':
        case '3':
        case '4':
          void this.decide(DECISIONS[Number(event.key) - 1] as Decision);
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
        case 'Enter':
          if (!this.banner.dismiss()) refuseKey('Enter does nothing here: decide the selected card with 1 to 4.');
          else logEntry('Event banner dismissed.');
          break;
        case 'Escape':
          this.openMenu();
          break;
        case 's':
        case 'S': {
          const clock = this.session.clock;
          if (clock) {
            clock.cycleSpeed();
            logEntry(`Speed ×${clock.speed}.`);
          } else refuseKey('Your trainer sets the pace of the clock.');
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
      refuseKey('Only your trainer can pause the clock.');
      return;
    }
    clock.paused = !clock.paused;
    logEntry(clock.paused ? 'Paused.' : 'Resumed.');
  }

  /** Shows an overlay scene over this one; a solo clock waits while it shows. */
  private overlay(key: string, data: object): void {
    const clock = this.session.clock;
    const wasPaused = clock?.paused ?? false;
    if (clock) clock.paused = true;
    this.scene.launch(key, {
      from: SCENES.operations,
      inClass: this.session.mode === 'class',
      onClose: () => {
        if (clock) clock.paused = wasPaused;
      },
      ...data,
    });
    this.scene.pause();
  }

  private openHelp(): void {
    this.overlay(SCENES.help, {});
  }

  /** Esc: the pause menu (solo). In a class the session is the trainer's to pause or leave. */
  private openMenu(): void {
    if (!this.session.clock) {
      refuseKey('Escape does nothing in a class: the session goes on, and only your trainer can pause it.');
      return;
    }
    this.overlay(SCENES.pauseMenu, {
      toTitle: () => {
        this.leaving = true;
        logEntry('Back to the title. Your game is kept: resume it from the title screen.');
        this.scene.start(SCENES.title);
      },
    });
  }

  private layoutSize(): CardSize {
    const count = this.view.cards.length;
    if (count <= GRIDS.normal.columns * GRIDS.normal.rows) return 'normal';
    if (count <= GRIDS.medium.columns * GRIDS.medium.rows) return 'medium';
    return 'compact';
  }

  private moveSelection(step: number): void {
    const count = this.view.cards.length;
    if (count === 0) {
      refuseKey('No customer is waiting: there is no card to move to.');
      return;
    }
    const next = Math.max(0, Math.min(count - 1, this.selected + step));
    if (next === this.selected) {
      this.mirror.sayEdge(this.selected, count, step);
      return;
    }
    this.selected = next;
    this.refresh();
  }

  private selectTile(tile: CardTile): void {
    const index = this.view.cards.findIndex((card) => card.demand.id === tile.demandId);
    if (index >= 0) this.selected = index;
    this.refresh();
  }

  private async decide(decision: Decision): Promise<void> {
    const card = this.view.cards[this.selected];
    if (this.view.phase !== 'operations') return;
    if (!card) {
      refuseKey('No customer is waiting: nothing to decide yet.');
      return;
    }
    // A class card whose previews have not arrived yet can still be decided: the server checks.
    if (card.previews && !card.previews[decision].available) {
      const reason = `No standard option for "${card.categoryName}" yet: build one in planning, then key 3 steers customers to it.`;
      refuseKey(reason);
      this.showFeedback('No option built for this yet', reason);
      return;
    }
    const reply = await this.session.decideCard(card.demand.id, decision);
    // The screen may have moved on (the round ended) while a class's answer travelled.
    if (this.leaving || !this.scene.isActive()) return;
    if (!reply.ok) {
      logEntry(`${card.customerName}, ${card.categoryName}: ${reply.message}`);
      this.showFeedback(reply.gentle ? 'Already taken care of' : 'Not decided', reply.message);
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
    this.feedbackBody.setY(this.feedbackTitle.y + this.feedbackTitle.height + 8);
    setFittedText(this.feedbackBody, body, 478, this.feedbackMaxLines);
  }

  private handleEvents(events: PlayEvent[]): void {
    for (const event of events) {
      if (event.kind === 'event') {
        this.banner.show(event.name, event.description);
        logEntry(`Event: ${event.name}. ${event.description} (Enter dismisses the banner.)`);
      } else if (event.kind === 'log') logEntry(event.text);
      else if (event.kind === 'missed') {
        if (this.session.feedback) this.showFeedback(event.explanation.headline, event.explanation.why);
      } else if (event.kind === 'round-ended') {
        logEntry(event.gameEnded ? 'The last round is over.' : `Round ${event.round} is over: planning.`);
        this.leaving = true;
        const { record } = this.session;
        if (event.gameEnded && record) this.scene.start(SCENES.debrief, { record });
        else this.scene.start(SCENES.planning, { session: this.session });
        return;
      }
    }
  }

  refresh(): void {
    const session = this.session;
    this.view = session.view();
    const view = this.view;
    const scenario = session.scenario;
    this.selected = Math.max(0, Math.min(this.selected, view.cards.length - 1));
    this.header.setText(`Round ${view.round} of ${view.rounds} · Operations`);
    this.clockText.setText(hourLabel(view.tick, view.ticksPerRound));
    this.clockMeter.set((view.tick + session.tickProgress()) / view.ticksPerRound);
    this.speedText.setText(session.clockLabel());

    const size = this.layoutSize();
    const tiles = this.tiles[size];
    for (const pool of Object.values(this.tiles)) {
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
    this.moreText.setText(hidden > 0 ? `${view.cards.length} waiting · ${tiles.length} shown` : `${view.cards.length} waiting`);
    // Small cards show a segment's symbol only: the legend says which is which.
    this.cardsTitle.setText(
      size === 'normal'
        ? 'WAITING DEMANDS'
        : scenario.segments.map((segment, index) => `${SEGMENT_SYMBOLS[index % SEGMENT_SYMBOLS.length]} ${segment.name}`).join('   '),
    );
    this.emptyText.setVisible(view.cards.length === 0);

    const card = view.cards[this.selected];
    if (card) session.select(card.demand.id);
    const model = card ? cardModel(card, scenario) : undefined;
    this.showSelection(model);
    this.decisionButtons.forEach((button, index) => {
      const choice = model?.choices[index];
      const style = DECISION_STYLE[DECISIONS[index] as Decision];
      button.setLabel(`${style.symbol}  ${style.label}${choice ? ` — ${choice.summary}` : ''}`);
      button.setEnabled(!!choice?.available);
    });

    this.figures.show(view, scenario.currency, session.recentFigures());
    const queued = view.backlogHours / Math.max(view.capacityPerTick, 0.1);
    this.backlogText.setText(
      `Backlog ${hours(view.backlogHours)}: ${queued.toFixed(1)} hours to clear · ${view.capacityPerTick.toFixed(1)} h/hour`,
    );
    this.backlogMeter.set(queued / 12);
    this.staffList.show(view.staff);
    const options = view.options.map(
      (option) => `${scenario.categories[option.category]?.name ?? '?'}: ${option.status === 'live' ? `${option.uses} uses` : 'building'}`,
    );
    const optionsLine = options.length > 0 ? `★ Options — ${options.join(' · ')}` : 'No standard options yet (built in planning).';
    if (this.optionsText.getData('said') !== optionsLine) {
      this.optionsText.setData('said', optionsLine);
      setFittedText(this.optionsText, optionsLine, 478);
    }
    if (!this.session.feedback && this.feedbackTitle.text === '')
      this.showFeedback('Feedback is off', 'Press F to explain each decision again.');
    if (this.feedTexts.length > 0) {
      const feed = session.teamFeed().slice(-this.feedTexts.length);
      this.feedTexts.forEach((text, index) => {
        const line = feed[index] ?? (index === 0 && feed.length === 0 ? 'Your team’s decisions appear here as they happen.' : '');
        if (text.getData('said') !== line) {
          text.setData('said', line);
          setFittedText(text, line, 478, 2);
        }
      });
    }

    const status = this.announcer.next(view, scenario.currency, session.statusExtra());
    if (status) announceStatus(status);
    this.mirror.show(view, scenario.currency, model, this.selected, this.banner.eventText());
  }

  /** The selected card in full under the cards, so what a small card shortens is readable here. */
  private showSelection(model: CardModel | undefined): void {
    const who = model
      ? `${model.special ? '★ ' : ''}${model.customer} · ${model.segment} · ${model.value} · loyalty ${model.loyalty} · ${model.cares} · ${model.urgent ? '! last hour' : `${model.ticksLeft} h left`}`
      : 'No card selected';
    const request = model ? `${model.category}: “${model.request}”` : '';
    const key = `${who}|${request}`;
    if (key === this.selectionSaid) return;
    this.selectionSaid = key;
    setFittedText(this.selectionWho, who, CARDS.width);
    setFittedText(this.selectionRequest, request, CARDS.width, 2);
  }
}
