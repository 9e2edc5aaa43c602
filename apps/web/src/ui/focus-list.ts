import type Phaser from 'phaser';
import { announceFocus, refuseKey } from '../a11y/dom-mirror';
import type { Button } from './button';
import { onKey } from './on-key';

/**
 * Keyboard focus over a scene's buttons: Tab / Shift+Tab or the arrow keys move, Enter or
 * Space presses. Scenes with their own keys (the decision keys 1–4) use it alongside.
 */
export class FocusList {
  private buttons: Button[] = [];
  private index = 0;

  constructor(scene: Phaser.Scene, options: { arrows?: 'vertical' | 'horizontal' | 'both' | 'none'; space?: boolean } = {}) {
    const keyboard = scene.input.keyboard;
    if (!keyboard) return;
    const arrows = options.arrows ?? 'both';
    onKey(scene, (event) => {
      if (this.buttons.length === 0) return;
      const back =
        (event.key === 'Tab' && event.shiftKey) ||
        (arrows !== 'horizontal' && arrows !== 'none' && event.key === 'ArrowUp') ||
        ((arrows === 'horizontal' || arrows === 'both') && event.key === 'ArrowLeft');
      const forward =
        (event.key === 'Tab' && !event.shiftKey) ||
        (arrows !== 'horizontal' && arrows !== 'none' && event.key === 'ArrowDown') ||
        ((arrows === 'horizontal' || arrows === 'both') && event.key === 'ArrowRight');
      if (back || forward) {
        event.preventDefault();
        this.move(back ? -1 : 1);
      } else if (event.key === 'Enter' || (event.key === ' ' && options.space !== false)) {
        event.preventDefault();
        const current = this.current();
        if (current && !current.isEnabled()) refuseKey(`${current.label()} is not available now.`);
        else current?.press();
      }
    });
  }

  set(buttons: Button[], focusIndex = this.index): void {
    for (const button of this.buttons) button.setFocused(false);
    this.buttons = buttons;
    this.index = Math.max(0, Math.min(focusIndex, buttons.length - 1));
    this.skipDisabled(1);
    this.draw();
  }

  current(): Button | undefined {
    return this.buttons[this.index];
  }

  /** Focuses the button with this id (see ButtonOptions.id); false when there is none. */
  focusOnId(id: string): boolean {
    const index = this.buttons.findIndex((button) => button.options.id === id);
    if (index < 0) return false;
    this.index = index;
    this.draw();
    return true;
  }

  focusOn(button: Button): void {
    const index = this.buttons.indexOf(button);
    if (index >= 0) {
      this.index = index;
      this.draw();
    }
  }

  move(step: number): void {
    if (this.buttons.length === 0) return;
    this.index = (this.index + step + this.buttons.length) % this.buttons.length;
    this.skipDisabled(step);
    this.draw();
  }

  private skipDisabled(step: number): void {
    for (let tries = 0; tries < this.buttons.length && this.buttons[this.index] && !this.buttons[this.index]?.isEnabled(); tries++) {
      this.index = (this.index + step + this.buttons.length) % this.buttons.length;
    }
  }

  private draw(): void {
    this.buttons.forEach((button, index) => {
      button.setFocused(index === this.index);
    });
    // The canvas has no DOM focus to follow: say which control holds it.
    const current = this.current();
    if (current) announceFocus(`Focus: ${current.spokenName()}`);
  }
}
