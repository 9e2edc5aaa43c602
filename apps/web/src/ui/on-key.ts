import type Phaser from 'phaser';

/**
 * Listens to key presses in a scene, handling each browser event once. Under load Phaser can
 * hand the same queued KeyboardEvent to a listener twice (seen in headless Chromium: one Enter
 * advanced the tutorial by two steps), so each listener remembers what it has handled.
 */
export function onKey(scene: Phaser.Scene, handler: (event: KeyboardEvent) => void): void {
  const handled = new WeakSet<KeyboardEvent>();
  scene.input.keyboard?.on('keydown', (event: KeyboardEvent) => {
    if (handled.has(event)) return;
    handled.add(event);
    handler(event);
  });
}
