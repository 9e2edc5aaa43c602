import type Phaser from 'phaser';

/**
 * Sets a text that must fit a box without being cut mid-word: whole words are dropped from the
 * end and "…" added until it fits in `maxLines` lines of the text's word-wrap width (or one
 * line of `width`). A single word longer than the box is the only thing ever shortened inside.
 */
export function setFittedText(text: Phaser.GameObjects.Text, value: string, width: number, maxLines = 1): void {
  const fits = (candidate: string): boolean => {
    if (maxLines === 1) {
      text.setText(candidate);
      return text.width <= width;
    }
    return text.getWrappedText(candidate).length <= maxLines;
  };
  if (fits(value)) {
    text.setText(value);
    return;
  }
  const words = value.split(' ');
  for (let count = words.length - 1; count >= 1; count--) {
    const candidate = `${words
      .slice(0, count)
      .join(' ')
      .replace(/[\s,.;:·—–-]+$/, '')}…`;
    if (fits(candidate)) {
      text.setText(candidate);
      return;
    }
  }
  // One long word: shorten it, the only cut a box this small leaves.
  let first = words[0] ?? '';
  while (first.length > 1 && !fits(`${first}…`)) first = first.slice(0, -1);
  text.setText(`${first}…`);
}
