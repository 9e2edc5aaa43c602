import type { DecisionCounts, KeyMomentKind } from '@ttc/sim';
import { money } from './format';

// The debrief's lesson and its telling moments, chosen from what the game really showed: how the
// cards were resolved (answered or left to run out), what the staff went through, the promises
// broken, and how heavy each moment was. Pure: the solo and the class debrief both use it.

/** The figures of one team the lesson reads. */
export interface LessonRow {
  balancedScore: number;
  /** Mean staff exhaustion over the game, 0..100. */
  exhaustion: number;
  loyalty: number;
  profitCents: number;
  staffLost: number;
}

export interface LessonFacts {
  you: LessonRow;
  strategist?: LessonRow | undefined;
  /** The team that did nothing, on the same customers. */
  idle?: LessonRow | undefined;
  mix: DecisionCounts;
  optionsBuilt: number;
  /** Promised work not done by its due hour. */
  brokenPromises: number;
  currency: string;
}

export type LessonKind = 'ignored' | 'spiral' | 'broken-promises' | 'declined' | 'no-options' | 'matched' | 'balanced';

/** Half the cards or more ran out unanswered: the game was about ignoring, whatever else happened. */
const IGNORED_SHARE = 0.5;
/** Mean exhaustion above this wore the staff out. */
const SPIRAL_EXHAUSTION = 45;
/** Saying yes (free or at a premium) to this share of cards or more is "almost everything". */
const YES_SHARE = 0.6;
/** Promises broken before it is the game's story. */
const BROKEN_PROMISES = 3;
/** A gentle no to this share of cards or more is "most requests". */
const DECLINED_SHARE = 0.45;

function total(mix: DecisionCounts): number {
  return mix.accommodate + mix.premium + mix.option + mix.no + mix.ignored;
}

/** Which lesson the game showed, most telling first: ignoring, the spiral, broken promises, declining, no options. */
export function lessonKind(facts: LessonFacts): LessonKind {
  const { you, mix, strategist } = facts;
  const cards = total(mix);
  if (mix.ignored > 0 && mix.ignored / Math.max(1, cards) >= IGNORED_SHARE) return 'ignored';
  if (you.exhaustion > SPIRAL_EXHAUSTION || you.staffLost > 0) return 'spiral';
  if (facts.brokenPromises >= BROKEN_PROMISES) return 'broken-promises';
  if (cards > 0 && mix.no / cards > DECLINED_SHARE) return 'declined';
  if (facts.optionsBuilt === 0) return 'no-options';
  if (strategist && you.balancedScore >= strategist.balancedScore) return 'matched';
  return 'balanced';
}

/** One paragraph, chosen from how the game actually went against the benchmarks. */
export function lessonFor(facts: LessonFacts): string {
  const { you, mix, strategist, idle, currency } = facts;
  const cards = Math.max(1, total(mix));
  const points = (row: LessonRow) => Math.round(row.balancedScore);
  switch (lessonKind(facts)) {
    case 'ignored': {
      const all = mix.ignored === total(mix);
      const same = idle && points(idle) === points(you);
      const benchmark = idle
        ? ` A team that did nothing at all scored ${points(idle)}${same ? ', as you did' : `; you scored ${points(you)}`}.`
        : '';
      return `${all ? 'Every' : `${mix.ignored} of ${cards}`} customer${all ? '' : 's'} waited and gave up: nobody answered${all ? ' any card' : ''}. Ignoring a customer costs more loyalty than a gentle no, and loyalty is what they spend.${benchmark} Answer each card, even with a quick no to a whim; build options for the frequent asks so fewer cards arrive and you keep up.`;
    }
    case 'spiral': {
      const yes = (mix.accommodate + mix.premium) / cards >= YES_SHARE;
      const worn = `average exhaustion ${Math.round(you.exhaustion)}${you.staffLost > 0 ? `, ${you.staffLost} resigned` : ''}`;
      return yes
        ? `Saying yes to almost everything wore your staff out (${worn}). Tired people make mistakes, mistakes cost loyalty and money, and overtime and resignations cost more: the spiral. Look at which requests come back again and again from customers who matter, turn those into standard options, and let the rest go gently.`
        : `Your staff wore out (${worn}): the promised work and the options being built ran ahead of them. Tired people make mistakes and resignations cost money. Give rest in the plan, build one option at a time, and decline costly whims from customers who add little.`;
    }
    case 'broken-promises':
      return `You promised more than your staff could do in time: ${facts.brokenPromises} promises broke, each refunded and worse for the customer than a gentle no. Before saying yes, look at the backlog; options for the frequent asks take little staff time and keep the promises you make.`;
    case 'declined':
      return `Declining most requests kept your staff fresh but cost you loyalty (${Math.round(you.loyalty)}), and loyal customers are the ones who spend. A "no" is right for costly whims from customers who add little, not for what valuable customers need. Build options for the frequent, valued asks and offer those instead.`;
    case 'no-options':
      return `You handled each request one by one. The round reports showed some requests arriving again and again: a standard option for those serves many customers with little staff time and earns its price. That is how the strategist ${strategist ? `reached ${points(strategist)} points` : 'scores'}.`;
    case 'matched':
      return `You matched or beat the strategist: options for the shared needs, premiums where customers value the extra, and gentle noes for whims. Your profit was ${money(you.profitCents, currency, false)} with rested staff and loyal customers — the balance the game is about.`;
    case 'balanced':
      return `You built options and balanced the three figures${strategist ? `, ending ${Math.round(strategist.balancedScore - you.balancedScore)} points behind the strategist` : ''}. Check the round reports for the next most frequent valued request, price premiums for what customers value, and keep exhaustion low before it turns into mistakes.`;
  }
}

/** A moment the debrief may tell, with its weight: the heavier, the more telling. */
export interface WeighedMoment {
  when: string;
  text: string;
  weight: number;
}

/** How telling each of the simulation's key moments is. */
export const KEY_MOMENT_WEIGHT: Record<KeyMomentKind, number> = {
  'first-resignation': 100,
  'complaint-storm': 80,
  'broken-promise': 70,
  'cash-crisis': 60,
  'exhaustion-high': 55,
  'option-live': 40,
  resignation: 30,
  event: 20,
};

/** Staff hours on one whim below this are not a moment: an option use of 0.3 h tells nothing. */
export const MIN_TELLING_HOURS = 2;
/** Loyalty lost on one answer below this is not a moment either. */
export const MIN_TELLING_LOYALTY = 3;

/** Staff hours spent on a customer who barely cared: telling once they are heavy (10 per hour). */
export function whimWeight(staffHours: number): number {
  return staffHours >= MIN_TELLING_HOURS ? staffHours * 10 : 0;
}

/** Loyalty lost on one answer: telling once it is large (5 per point). */
export function lossWeight(loyaltyLost: number): number {
  return loyaltyLost >= MIN_TELLING_LOYALTY ? loyaltyLost * 5 : 0;
}

/** Cards left to run out: telling from three on, more so the more there were. */
export function ignoredWeight(count: number): number {
  return count >= 3 ? 50 + count : 0;
}

/** The most telling moments, heaviest first; weightless ones are never told. */
export function rankMoments(moments: readonly WeighedMoment[], limit = 3): { when: string; text: string }[] {
  return moments
    .filter((moment) => moment.weight > 0)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, limit)
    .map(({ when, text }) => ({ when, text }));
}
