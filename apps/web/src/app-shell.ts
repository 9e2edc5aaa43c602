import type { Scenario } from '@ttc/sim';
import type Phaser from 'phaser';
import { SCENARIOS_KEY } from './scenes/boot-scene';

// The page holds two kinds of screen: the Phaser canvas (solo play, a learner's board) and
// plain HTML screens for the classroom (host form, lobby, console, debrief), which are made of
// text, tables and forms. Exactly one of the two shows at a time.

let game: Phaser.Game | undefined;

export function registerGame(instance: Phaser.Game): void {
  game = instance;
}

export function phaserGame(): Phaser.Game {
  if (!game) throw new Error('the game has not started');
  return game;
}

/** The scenarios the loading screen fetched and checked. */
export function scenarios(): Scenario[] {
  return (game?.registry.get(SCENARIOS_KEY) as Scenario[] | undefined) ?? [];
}

function classroomRoot(): HTMLElement {
  let root = document.getElementById('classroom');
  if (!root) {
    root = document.createElement('main');
    root.id = 'classroom';
    root.hidden = true;
    document.body.insertBefore(root, document.getElementById('status'));
  }
  return root;
}

/** Stops every running scene, hides the canvas and hands back an empty HTML screen. */
export function showHtmlScreen(): HTMLElement {
  if (game) for (const scene of game.scene.getScenes(true)) game.scene.stop(scene.scene.key);
  const canvasHost = document.getElementById('game');
  if (canvasHost) canvasHost.hidden = true;
  const root = classroomRoot();
  root.hidden = false;
  root.replaceChildren();
  return root;
}

/** Hides the HTML screen and starts a Phaser scene. */
export function showScene(key: string, data?: object): void {
  const root = document.getElementById('classroom');
  if (root) {
    root.hidden = true;
    root.replaceChildren();
  }
  const canvasHost = document.getElementById('game');
  if (canvasHost) canvasHost.hidden = false;
  const instance = phaserGame();
  for (const scene of instance.scene.getScenes(true)) if (scene.scene.key !== key) instance.scene.stop(scene.scene.key);
  instance.scene.start(key, data);
}
