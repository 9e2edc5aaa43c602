// The canvas is invisible to screen readers; these regions carry the essentials in text.
// Tests read them too, as a user of assistive technology would.

const MAX_LOG_ENTRIES = 200;

function element(id: string): HTMLElement | null {
  return typeof document === 'undefined' ? null : document.getElementById(id);
}

function write(id: string, text: string): void {
  const target = element(id);
  if (target && target.textContent !== text) target.textContent = text;
}

/** The role="status" line: rewritten only when the situation changes (see StatusAnnouncer). */
export function announceStatus(text: string): void {
  write('status', text);
}

/** Names the screen that is showing and its main actions, for screen readers and tests. */
export function announceScreen(text: string): void {
  write('screen', text);
}

/** Says which control has the keyboard focus, or which card is selected (a polite live region). */
export function announceFocus(text: string): void {
  write('focus', text);
}

/**
 * The screen in text, read at the user's own pace (not live): the selected card and its
 * previews, the figures, the round report. Sections are headed lists; an empty one vanishes.
 */
export interface MirrorSection {
  heading: string;
  lines: readonly string[];
}

let lastDetails = '';

export function mirrorDetails(sections: readonly MirrorSection[]): void {
  const target = element('board-details');
  if (!target) return;
  const key = JSON.stringify(sections);
  if (key === lastDetails && target.childElementCount > 0) return;
  lastDetails = key;
  const nodes: HTMLElement[] = [];
  for (const section of sections) {
    if (section.lines.length === 0) continue;
    const heading = document.createElement('h2');
    heading.textContent = section.heading;
    const list = document.createElement('ul');
    for (const line of section.lines) {
      const item = document.createElement('li');
      item.textContent = line;
      list.append(item);
    }
    nodes.push(heading, list);
  }
  target.replaceChildren(...nodes);
}

/** Adds a line to the decision log (a role="log" container holding an ordered list). */
export function logEntry(text: string): void {
  const list = element('log-list');
  if (!list) return;
  const item = document.createElement('li');
  item.textContent = text;
  list.appendChild(item);
  while (list.childElementCount > MAX_LOG_ENTRIES) list.firstElementChild?.remove();
}

/** A key that does nothing here, with the reason: said in the log so a screen reader hears it. */
export function refuseKey(reason: string): void {
  logEntry(reason);
}

export function clearLog(): void {
  const list = element('log-list');
  if (list) list.textContent = '';
}
