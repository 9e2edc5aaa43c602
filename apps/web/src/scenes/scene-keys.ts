import type Phaser from 'phaser';

export const SCENES = {
  boot: 'boot',
  title: 'title',
  setup: 'setup',
  operations: 'operations',
  planning: 'planning',
  debrief: 'debrief',
  pastGames: 'past-games',
  help: 'help',
  pauseMenu: 'pause-menu',
} as const;

/**
 * Tests and the first-frame benchmark wait for `data-screen` on <body>; `data-ready` follows
 * once the screen listens to keys. A canvas scene reads the keyboard on its frames, so it is
 * ready after its first update; an HTML screen (no scene given) is ready at once.
 */
export function markScreen(name: string, scene?: Phaser.Scene): void {
  if (typeof document === 'undefined') return;
  const body = document.body;
  body.dataset.screen = name;
  if (scene) {
    delete body.dataset.ready;
    scene.events.once('postupdate', () => {
      if (body.dataset.screen === name) body.dataset.ready = name;
    });
  } else body.dataset.ready = name;
  // For the first-playable-frame benchmark: when the title became usable.
  if (name === 'title' && typeof performance !== 'undefined' && !performance.getEntriesByName('ttc:title').length)
    performance.mark('ttc:title');
}
