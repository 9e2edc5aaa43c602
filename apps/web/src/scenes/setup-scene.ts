import type { Scenario } from '@ttc/sim';
import Phaser from 'phaser';
import { announceScreen } from '../a11y/dom-mirror';
import { type GameLength, MAX_SEED, newSoloGame, randomSeed, roundsAndTicks, type SoloSettings } from '../session/solo-session';
import { tutorialSeen } from '../storage/past-games';
import { Button } from '../ui/button';
import { FocusList } from '../ui/focus-list';
import { onKey } from '../ui/on-key';
import { addPanel, addText } from '../ui/panel';
import { COLOURS, HEIGHT, WIDTH } from '../ui/theme';
import { loadedScenarios } from './boot-scene';
import { markScreen, SCENES } from './scene-keys';

interface SetupData {
  tutorial?: boolean;
  previous?: SoloSettings;
}

/** Solo set-up: scenario, length, seed (shown and editable), feedback and the guided round. */
export class SetupScene extends Phaser.Scene {
  private settings!: Omit<SoloSettings, 'scenario'> & { scenarioIndex: number };
  private scenarios: Scenario[] = [];
  private refreshers: (() => void)[] = [];

  constructor() {
    super(SCENES.setup);
  }

  create(data: SetupData): void {
    markScreen('setup', this);
    this.scenarios = loadedScenarios(this);
    this.refreshers = [];
    const previous = data.previous;
    this.settings = {
      scenarioIndex: Math.max(
        0,
        this.scenarios.findIndex((scenario) => scenario.id === previous?.scenario.id),
      ),
      seed: previous?.seed ?? randomSeed(),
      length: previous?.length ?? 'short',
      feedback: previous?.feedback ?? true,
      tutorial: data.tutorial ?? !tutorialSeen(),
    };
    addText(this, 60, 40, 'Solo practice', 'heading');
    addText(
      this,
      60,
      84,
      'Choose a business and how long to play. Two people with the same seed face the same customers.',
      'body',
      COLOURS.textMuted,
    );

    addPanel(this, 40, 130, 860, 620, 'Scenario');
    const scenarioButtons = this.scenarios.map((scenario, index) => {
      const y = 170 + index * 140;
      const button = new Button(this, 60, y, {
        width: 820,
        height: 56,
        label: scenario.name,
        onPress: () => this.choose({ scenarioIndex: index }),
        textRole: 'large',
      });
      addText(this, 64, y + 64, scenario.description, 'small', COLOURS.textMuted, { wordWrap: { width: 810 } });
      this.refreshers.push(() => button.setLabel(`${this.settings.scenarioIndex === index ? '◉' : '○'}  ${scenario.name}`));
      return button;
    });

    addPanel(this, 940, 130, 620, 620, 'Game');
    const lengthButtons = (['short', 'full'] as GameLength[]).map((length, index) => {
      const button = new Button(this, 960, 180 + index * 70, { width: 580, height: 56, label: '', onPress: () => this.choose({ length }) });
      this.refreshers.push(() => {
        const { rounds, ticksPerRound } = roundsAndTicks(this.currentScenario(), length);
        button.setLabel(
          `${this.settings.length === length ? '◉' : '○'}  ${length === 'short' ? 'Short' : 'Full'} game: ${rounds} rounds of ${ticksPerRound} hours`,
        );
      });
      return button;
    });
    const seedLabel = addText(this, 960, 340, '', 'large');
    addText(this, 960, 378, 'Type digits to enter a seed; Backspace deletes.', 'small', COLOURS.textMuted);
    const newSeed = new Button(this, 960, 410, {
      width: 580,
      height: 52,
      label: 'New random seed',
      hint: 'R',
      onPress: () => this.choose({ seed: randomSeed() }),
    });
    this.refreshers.push(() => seedLabel.setText(`Seed: ${this.settings.seed}`));
    const feedback = new Button(this, 960, 490, {
      width: 580,
      height: 52,
      label: '',
      hint: 'F',
      onPress: () => this.choose({ feedback: !this.settings.feedback }),
    });
    this.refreshers.push(() => feedback.setLabel(`${this.settings.feedback ? '☑' : '☐'}  Explain each decision (feedback)`));
    const guided = new Button(this, 960, 560, {
      width: 580,
      height: 52,
      label: '',
      hint: 'G',
      onPress: () => this.choose({ tutorial: !this.settings.tutorial }),
    });
    this.refreshers.push(() => guided.setLabel(`${this.settings.tutorial ? '☑' : '☐'}  Guided first round (tutorial)`));
    const start = new Button(this, 960, 660, {
      width: 580,
      height: 64,
      label: 'Start game',
      hint: 'S',
      colour: COLOURS.good,
      onPress: () => this.startGame(),
      textRole: 'large',
    });
    const back = new Button(this, 40, HEIGHT - 110, {
      width: 220,
      height: 52,
      label: 'Back',
      hint: 'Esc',
      onPress: () => this.scene.start(SCENES.title),
    });

    const focus = new FocusList(this, { arrows: 'vertical' });
    focus.set(
      [...scenarioButtons, ...lengthButtons, newSeed, feedback, guided, start, back],
      scenarioButtons.length + lengthButtons.length + 3,
    );
    onKey(this, (event) => {
      if (/^[0-9]$/.test(event.key)) {
        const typed = Number(`${this.settings.seed}${event.key}`);
        this.choose({ seed: typed > MAX_SEED ? Number(event.key) : typed });
      } else if (event.key === 'Backspace') {
        this.choose({ seed: Math.floor(this.settings.seed / 10) });
      } else if (event.key === 'r' || event.key === 'R') this.choose({ seed: randomSeed() });
      else if (event.key === 'f' || event.key === 'F') feedback.press();
      else if (event.key === 'g' || event.key === 'G') guided.press();
      else if (event.key === 's' || event.key === 'S') start.press();
      else if (event.key === 'Escape') back.press();
    });
    addText(this, WIDTH - 40, HEIGHT - 84, 'Tab or arrows move · Enter chooses · S starts', 'small', COLOURS.textMuted).setOrigin(1, 0);
    this.refresh();
  }

  private currentScenario(): Scenario {
    return this.scenarios[this.settings.scenarioIndex] ?? (this.scenarios[0] as Scenario);
  }

  private choose(change: Partial<SetupScene['settings']>): void {
    Object.assign(this.settings, change);
    this.refresh();
  }

  private refresh(): void {
    for (const refresh of this.refreshers) refresh();
    const { rounds, ticksPerRound } = roundsAndTicks(this.currentScenario(), this.settings.length);
    announceScreen(
      `Solo set-up. Scenario ${this.currentScenario().name}. ${this.settings.length === 'short' ? 'Short' : 'Full'} game, ${rounds} rounds of ${ticksPerRound} hours. Seed ${this.settings.seed}. Feedback ${this.settings.feedback ? 'on' : 'off'}. Guided first round ${this.settings.tutorial ? 'on' : 'off'}. Press S to start.`,
    );
  }

  private startGame(): void {
    const { scenarioIndex, ...rest } = this.settings;
    const settings: SoloSettings = { ...rest, scenario: this.currentScenario() };
    this.scene.start(SCENES.operations, { session: newSoloGame(settings), newGame: true });
  }
}
