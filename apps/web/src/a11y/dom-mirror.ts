// The canvas is invisible to screen readers; these regions carry the essentials in text.
// Tests read them too, as a user of assistive technology would.

const MAX_LOG_ENTRIES = 200;

function element(id: string): HTMLElement | null {
  return typeof document === 'undefined' ? null : document.getElementById(id);
}

export function announceStatus(text: string): void {
  const status = element('status');
  if (status && status.textContent !== text) status.textContent = text;
}

/** Names the screen that is showing and its main actions, for screen readers and tests. */
export function announceScreen(text: string): void {
  const screen = element('screen');
  if (screen && screen.textContent !== text) screen.textContent = text;
}

export function logEntry(text: string): void {
  const log = element('log');
  if (!log) return;
  const item = document.createElement('li');
  item.textContent = text;
  log.appendChild(item);
  while (log.childElementCount > MAX_LOG_ENTRIES) log.firstElementChild?.remove();
}

export function clearLog(): void {
  const log = element('log');
  if (log) log.textContent = '';
}
