import type Phaser from 'phaser';
import { announceScreen } from '../a11y/dom-mirror';
import { markTutorialSeen } from '../storage/past-games';
import { COLOURS, HEIGHT, textStyle, WIDTH } from '../ui/theme';

const BOX = { width: 680, height: 250 };

interface Step {
  title: string;
  text: string;
  /** The part of the screen the step is about. */
  area: { x: number; y: number; width: number; height: number };
}

// One idea at a time: the cards, the four decisions, the backlog, then each figure.
export const TUTORIAL_STEPS: Step[] = [
  {
    title: 'Customers ask for things',
    text: 'Each card is one request: who asks, what kind of customer they are, what they spend per round, how loyal they are, and how much they care. The bar shows their patience running out.',
    area: { x: 10, y: 118, width: 1060, height: 502 },
  },
  {
    title: 'Four ways to answer',
    text: '1 Accommodate: do it free (staff hours). 2 Premium: do it for a price, if they accept. 3 Offer option: steer them to a standard offer, once you have built one. 4 Gentle no: decline kindly. Each line previews staff time, price and the likely loyalty effect.',
    area: { x: 10, y: 628, width: 1060, height: 264 },
  },
  {
    title: 'The staff backlog',
    text: 'Work you accept joins the backlog. Past their capacity, staff work overtime and tire; tired staff make mistakes and may resign between rounds.',
    area: { x: 1080, y: 358, width: 510, height: 262 },
  },
  {
    title: 'Profit',
    text: 'Customers pay their regular spend; premiums and options add to it. Wages, overtime, options and mistakes cost money.',
    area: { x: 1080, y: 150, width: 510, height: 64 },
  },
  {
    title: 'Exhaustion',
    text: 'How tired your staff are, 0 to 100. Keep it low: it drives mistakes and resignations.',
    area: { x: 1080, y: 214, width: 510, height: 64 },
  },
  {
    title: 'Loyalty',
    text: 'How committed your customers are, weighted by what they spend. It moves slowly; a no or an ignored request lowers it, good service raises it.',
    area: { x: 1080, y: 278, width: 510, height: 64 },
  },
  {
    title: 'Your turn',
    text: 'The clock starts when you close this. Use the arrow keys to pick a card and 1–4 to decide. Space pauses, S changes speed, ? lists every key. Between rounds you plan: build options for the requests many valuable customers share.',
    area: { x: 0, y: 0, width: WIDTH, height: 116 },
  },
];

/** The guided first round: a highlighted area and an explanation per step. Enter goes on, Esc skips. */
export class TutorialOverlay {
  private index = 0;
  private readonly shade: Phaser.GameObjects.Graphics;
  private readonly box: Phaser.GameObjects.Rectangle;
  private readonly title: Phaser.GameObjects.Text;
  private readonly body: Phaser.GameObjects.Text;
  private readonly hint: Phaser.GameObjects.Text;

  constructor(
    scene: Phaser.Scene,
    private readonly onDone: () => void,
  ) {
    this.shade = scene.add.graphics().setDepth(20);
    this.box = scene.add
      .rectangle(0, 0, BOX.width, BOX.height, COLOURS.panelRaised)
      .setOrigin(0)
      .setStrokeStyle(4, COLOURS.focus)
      .setDepth(21);
    this.title = scene.add.text(0, 0, '', textStyle('large', COLOURS.focusCss, { fontStyle: 'bold' })).setDepth(22);
    this.body = scene.add
      .text(0, 0, '', textStyle('small', COLOURS.text, { wordWrap: { width: BOX.width - 40 }, lineSpacing: 2 }))
      .setDepth(22);
    this.hint = scene.add.text(0, 0, '', textStyle('tiny', COLOURS.focusCss)).setDepth(22);
    this.show();
  }

  handleKey(event: KeyboardEvent): void {
    if (event.key === 'Enter' || event.key === 'ArrowRight' || event.key === ' ') {
      event.preventDefault();
      this.go(1);
    } else if (event.key === 'ArrowLeft' || event.key === 'Backspace') this.go(-1);
    else if (event.key === 'Escape') this.finish();
  }

  private go(step: number): void {
    const next = this.index + step;
    if (next >= TUTORIAL_STEPS.length) this.finish();
    else {
      this.index = Math.max(0, next);
      this.show();
    }
  }

  private show(): void {
    const step = TUTORIAL_STEPS[this.index] as Step;
    const { area } = step;
    this.shade.clear();
    this.shade.fillStyle(0x000000, 0.55);
    // Darken everything except the area being explained.
    this.shade.fillRect(0, 0, WIDTH, area.y);
    this.shade.fillRect(0, area.y + area.height, WIDTH, HEIGHT - area.y - area.height);
    this.shade.fillRect(0, area.y, area.x, area.height);
    this.shade.fillRect(area.x + area.width, area.y, WIDTH - area.x - area.width, area.height);
    this.shade.lineStyle(5, COLOURS.focus, 1).strokeRect(area.x, area.y, area.width, area.height);
    const besideRight = area.x + area.width + 20 + BOX.width <= WIDTH;
    const besideLeft = area.x >= BOX.width + 20;
    const boxX = besideRight ? area.x + area.width + 20 : besideLeft ? area.x - BOX.width - 20 : (WIDTH - BOX.width) / 2;
    const boxY =
      besideRight || besideLeft
        ? Math.min(Math.max(area.y, 80), HEIGHT - BOX.height - 10)
        : area.y + area.height + 20 + BOX.height <= HEIGHT
          ? area.y + area.height + 10
          : Math.max(10, area.y - BOX.height - 10);
    this.box.setPosition(boxX, boxY);
    this.title.setPosition(boxX + 20, boxY + 16).setText(`${this.index + 1}/${TUTORIAL_STEPS.length}  ${step.title}`);
    this.body.setPosition(boxX + 20, boxY + 58).setText(step.text);
    this.hint
      .setPosition(boxX + 20, boxY + BOX.height - 34)
      .setText(
        this.index === TUTORIAL_STEPS.length - 1 ? 'Enter: start playing · Esc: close' : 'Enter: next · ←: back · Esc: skip the tutorial',
      );
    announceScreen(
      `Tutorial step ${this.index + 1} of ${TUTORIAL_STEPS.length}: ${step.title}. ${step.text} Press Enter for next, Escape to skip.`,
    );
  }

  private finish(): void {
    for (const object of [this.shade, this.box, this.title, this.body, this.hint]) object.destroy();
    markTutorialSeen();
    announceScreen('Tutorial finished. The clock is running. Decide each demand with 1 to 4.');
    this.onDone();
  }
}
