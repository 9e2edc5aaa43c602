// Colours from the Okabe–Ito palette, which stays distinguishable for the common kinds of
// colour blindness; every colour also comes with a symbol or a word, never alone.
export const COLOURS = {
  background: 0x0f1b2d,
  panel: 0x1b2a41,
  panelRaised: 0x243752,
  panelBorder: 0x3a5378,
  text: '#f2f5f9',
  textMuted: '#b7c4d6',
  textDark: '#0f1b2d',
  focus: 0xf0e442,
  focusCss: '#f0e442',
  good: 0x009e73,
  goodCss: '#3fd0a4',
  warn: 0xe69f00,
  warnCss: '#f5b940',
  bad: 0xd55e00,
  badCss: '#ff8a4c',
  info: 0x56b4e9,
  infoCss: '#7cc8f2',
  accent: 0xcc79a7,
  accentCss: '#e3a3c7',
  blue: 0x0072b2,
} as const;

export const FONT = 'system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** The design size; the canvas scales to fit the window (16:9, 1280×720 to 1920×1080). */
export const WIDTH = 1600;
export const HEIGHT = 900;

export type TextRole = 'title' | 'heading' | 'large' | 'body' | 'small' | 'tiny';

// The canvas is drawn at 1600×900 and shown at 0.8× on a 1280×720 screen: 20 design pixels
// are 16 CSS pixels there, the least anything a player must read may be (a projector too).
export const MIN_TEXT_PX = 20;
const SIZES: Record<TextRole, number> = { title: 64, heading: 32, large: 26, body: 23, small: 21, tiny: MIN_TEXT_PX };

export function textStyle(role: TextRole, colour: string = COLOURS.text, extra: Record<string, unknown> = {}) {
  return {
    fontFamily: FONT,
    fontSize: `${SIZES[role]}px`,
    color: colour,
    fontStyle: role === 'title' || role === 'heading' ? 'bold' : 'normal',
    ...extra,
  };
}

/** Decisions: a colour, a symbol and a word each. */
export const DECISION_STYLE = {
  accommodate: { colour: 0x56b4e9, symbol: '+', label: 'Accommodate', key: '1' },
  premium: { colour: 0xe69f00, symbol: '$', label: 'Premium', key: '2' },
  option: { colour: 0x009e73, symbol: '★', label: 'Offer option', key: '3' },
  no: { colour: 0xcc79a7, symbol: '✕', label: 'Gentle no', key: '4' },
} as const;

export const SEGMENT_SYMBOLS = ['●', '▲', '■', '◆', '★', '⬟', '⬢', '✚'] as const;
