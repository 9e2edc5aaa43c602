/** True when a key press belongs to a text field or a list, not to the screen's shortcuts. */
export function typingInField(event: KeyboardEvent): boolean {
  const target = event.target;
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) &&
    !(target instanceof HTMLInputElement && target.type === 'checkbox')
  );
}

/** True for a plain key press (no Ctrl, Alt or Meta), the only kind the screens' shortcuts use. */
export function plainKey(event: KeyboardEvent): boolean {
  return !event.ctrlKey && !event.altKey && !event.metaKey;
}
