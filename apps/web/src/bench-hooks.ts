import type { Scenario } from '@ttc/sim';
import type Phaser from 'phaser';
import { loadedScenarios } from './scenes/boot-scene';
import { SCENES } from './scenes/scene-keys';
import { newSoloGame, type SoloSettings } from './session/solo-session';

/**
 * Hooks for the browser benchmarks only (loaded when the URL has ?bench). They start real
 * games through the normal scenes; nothing here changes how the game plays.
 */
export function installBenchHooks(game: Phaser.Game): void {
  (window as unknown as { ttcBench: unknown }).ttcBench = {
    renderer: () => (game.renderer.type === 2 ? 'WebGL' : 'canvas'),
    /**
     * A crowded operations screen: the office-supplies scenario as a trainer might edit it,
     * with three times the requests and customers who wait all day, so 30+ cards pile up.
     */
    startCrowdedGame(): void {
      const scene = game.scene.getScene(SCENES.title) as Phaser.Scene;
      const base = loadedScenarios(scene).find((scenario) => scenario.id === 'office-supplies') as Scenario;
      const crowded: Scenario = {
        ...base,
        segments: base.segments.map((segment) => ({ ...segment, patienceTicks: 48, requestsPerRound: segment.requestsPerRound * 3 })),
      };
      const settings: SoloSettings = { scenario: crowded, seed: 1, length: 'full', feedback: true, tutorial: false };
      game.scene.getScenes(true).forEach((active) => {
        active.scene.stop();
      });
      game.scene.start(SCENES.operations, { session: newSoloGame(settings), newGame: true });
    },
  };
}
