export const SCENES = {
  boot: 'boot',
  title: 'title',
  setup: 'setup',
  operations: 'operations',
  planning: 'planning',
  debrief: 'debrief',
  pastGames: 'past-games',
  help: 'help',
} as const;

/** Tests and the first-frame benchmark wait for this attribute on <body>. */
export function markScreen(name: string): void {
  if (typeof document === 'undefined') return;
  document.body.dataset.screen = name;
  // For the first-playable-frame benchmark: when the title became usable.
  if (name === 'title' && typeof performance !== 'undefined' && !performance.getEntriesByName('ttc:title').length)
    performance.mark('ttc:title');
}
