import Phaser from 'phaser';
import { registerGame } from './app-shell';
import { chooseRenderer } from './renderer-choice';
import { BootScene } from './scenes/boot-scene';
import { DebriefScene } from './scenes/debrief-scene';
import { HelpScene } from './scenes/help-scene';
import { OperationsScene } from './scenes/operations-scene';
import { PastGamesScene } from './scenes/past-games-scene';
import { PauseMenuScene } from './scenes/pause-menu-scene';
import { PlanningScene } from './scenes/planning-scene';
import { SetupScene } from './scenes/setup-scene';
import { TitleScene } from './scenes/title-scene';
import { COLOURS, HEIGHT, WIDTH } from './ui/theme';

// One design size, scaled to fit the window: 1280×720 to 1920×1080 show the same layout.
const params = new URLSearchParams(window.location.search);
const game = new Phaser.Game({
  type: chooseRenderer(params),
  parent: 'game',
  width: WIDTH,
  height: HEIGHT,
  backgroundColor: COLOURS.background,
  scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
  scene: [BootScene, TitleScene, SetupScene, OperationsScene, PlanningScene, DebriefScene, PastGamesScene, HelpScene, PauseMenuScene],
  banner: false,
});
registerGame(game);

// The browser benchmarks start their scenes through these hooks; tests read the DOM regions.
if (params.has('bench')) {
  void import('./bench-hooks').then(({ installBenchHooks }) => installBenchHooks(game));
}
