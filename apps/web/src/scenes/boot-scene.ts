import { checkScenario, formatScenarioProblem, type Scenario } from '@ttc/sim';
import Phaser from 'phaser';
import { announceScreen } from '../a11y/dom-mirror';
import { addText } from '../ui/panel';
import { COLOURS, HEIGHT, WIDTH } from '../ui/theme';
import { markScreen, SCENES } from './scene-keys';

export const SCENARIOS_KEY = 'scenarios';

/** Loads and checks the scenario files with a progress bar, then shows the title screen. */
export class BootScene extends Phaser.Scene {
  constructor() {
    super(SCENES.boot);
  }

  preload(): void {
    markScreen('loading');
    announceScreen('Loading Tame the Chaos');
    addText(this, WIDTH / 2, HEIGHT / 2 - 90, 'Tame the Chaos', 'title').setOrigin(0.5);
    const label = addText(this, WIDTH / 2, HEIGHT / 2 + 60, 'Loading scenarios… 0 %', 'body', COLOURS.textMuted).setOrigin(0.5);
    const barWidth = 600;
    this.add.rectangle(WIDTH / 2, HEIGHT / 2, barWidth, 28).setStrokeStyle(2, COLOURS.panelBorder);
    const fill = this.add.rectangle(WIDTH / 2 - barWidth / 2 + 4, HEIGHT / 2, 0, 20, COLOURS.info).setOrigin(0, 0.5);
    this.load.on('progress', (value: number) => {
      fill.width = (barWidth - 8) * value;
      label.setText(`Loading scenarios… ${Math.round(value * 100)} %`);
    });
    this.load.json('scenario-index', 'scenarios/index.json');
    this.load.on('filecomplete-json-scenario-index', (_key: string, _type: string, files: unknown) => {
      for (const file of Array.isArray(files) ? files : []) {
        if (typeof file === 'string') this.load.json(`scenario:${file}`, `scenarios/${file}`);
      }
    });
  }

  create(): void {
    const files = (this.cache.json.get('scenario-index') as unknown[] | undefined) ?? [];
    const scenarios: Scenario[] = [];
    const problems: string[] = [];
    for (const file of files) {
      const check = checkScenario(this.cache.json.get(`scenario:${file}`), String(file));
      if (check.ok) scenarios.push(check.scenario);
      else problems.push(...check.problems.slice(0, 3).map(formatScenarioProblem));
    }
    if (scenarios.length === 0) {
      markScreen('load-error');
      const message = `The scenarios could not be loaded.\n${problems.join('\n') || 'Check that the server is running and reload the page.'}`;
      addText(this, WIDTH / 2, HEIGHT / 2 + 140, message, 'body', COLOURS.badCss, { align: 'center', wordWrap: { width: 1200 } }).setOrigin(
        0.5,
        0,
      );
      announceScreen(message);
      return;
    }
    this.registry.set(SCENARIOS_KEY, scenarios);
    this.scene.start(SCENES.title);
  }
}

export function loadedScenarios(scene: Phaser.Scene): Scenario[] {
  return (scene.registry.get(SCENARIOS_KEY) as Scenario[] | undefined) ?? [];
}
