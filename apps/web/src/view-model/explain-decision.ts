import { type Decision, type DecisionOutcome, type Readiness, type Scenario, WORK } from '@ttc/sim';
import { DECISION_STYLE } from '../ui/theme';
import type { BoardCard } from './board-view';
import { caresLabel, firstName, hours, money, percent, signed } from './format';

export interface Explanation {
  headline: string;
  why: string;
  alternatives: string;
}

const VERBS: Record<Decision | 'ignored', string> = {
  accommodate: 'You did it for free',
  premium: 'You offered it at a premium',
  option: 'You steered them to the standard option',
  no: 'You said a gentle no',
  ignored: 'Nobody answered in time',
};

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * The staff hours a decision promised and whether the backlog gets them done by their due hour,
 * from the simulation's own readiness: "3.0 h promised, due within 8 h: done in about 5 h, in time."
 */
export function promiseText(staffHours: number, promise: Readiness | null): string {
  if (!promise || staffHours <= 0) return 'No staff time promised.';
  // Work is due a fixed number of hours after it is promised, so the promise tells the hour it was made.
  const now = promise.dueTick - WORK.promiseTicks;
  const committed = `${hours(staffHours)} of staff time promised, due within ${WORK.promiseTicks} h`;
  if (!promise.inTime)
    return `${committed}: the backlog cannot reach it in time even with overtime, so it will be a broken promise (refunded, and worse than a no).`;
  if (promise.needsOvertime) return `${committed}: at normal pace it would take ${promise.readyTick - now} h, so it needs overtime.`;
  return `${committed}: done in about ${promise.readyTick - now} h, in time.`;
}

/**
 * Feedback after a decision: what happened, why (from the simulation's own numbers), and
 * what the other decisions would probably have done.
 */
export function explainDecision(outcome: DecisionOutcome, card: BoardCard, scenario: Scenario): Explanation {
  const segment = scenario.segments[card.segmentIndex];
  const name = firstName(card.customerName);
  const cares = caresLabel(card.demand.importance);
  const loyalty = signed(outcome.loyaltyAfter - outcome.loyaltyBefore);
  const parts: string[] = [];
  switch (outcome.resolution) {
    case 'accommodate':
      parts.push(
        outcome.error ? `Tired staff got it wrong: ${name} is upset and you credited the mistake.` : `${name} (${cares}) is delighted.`,
      );
      parts.push(promiseText(outcome.staffHours, outcome.promise));
      break;
    case 'premium': {
      // A class card decided before its previews arrived has no chance to quote.
      const chance = card.previews ? percent(card.previews.premium.acceptChance) : undefined;
      if (outcome.accepted)
        parts.push(
          `${name} paid ${money(outcome.revenueCents, scenario.currency)}${chance ? ` (${chance} likely)` : ''}: ${cares}, and ${segment ? `${segment.name.toLowerCase()} are ${segment.priceSensitivity > 0.6 ? 'price-sensitive' : 'willing to pay'}` : 'willing'}.`,
        );
      else parts.push(`${name} refused to pay${chance ? ` (${chance} was the chance)` : ''}: a mild no, ${cares}.`);
      // Paid now, but the hours are owed: a premium does not make the work go away.
      if (outcome.accepted) parts.push(`The work is still owed: ${lowerFirst(promiseText(outcome.staffHours, outcome.promise))}`);
      if (outcome.error) parts.push('Then tired staff made a mistake.');
      break;
    }
    case 'option':
      parts.push(
        outcome.accepted
          ? `${name} took the standard option: little staff time, and it fits the need.`
          : `${name} did not want the option at its price.`,
      );
      if (outcome.accepted) parts.push(promiseText(outcome.staffHours, outcome.promise));
      break;
    case 'no':
      parts.push(
        // Same words and thresholds as the card's "cares" label, so the two never disagree.
        `${name} ${cares}, so the no ${card.demand.importance >= 0.4 ? 'hurt' : 'cost little'}. No staff time spent.`,
      );
      break;
    case 'ignored':
      parts.push(`${name} waited and gave up: ignoring is worse than a no.`);
      break;
  }
  if (outcome.complaint)
    parts.push(`They complained in public${segment && segment.socialReach > 0.6 ? ', and their voice carries' : ''}: reputation fell.`);
  if (outcome.praise) parts.push('They praised you in public: reputation rose.');
  const previews = card.previews;
  const others = previews
    ? (['accommodate', 'premium', 'option', 'no'] as const)
        .filter((decision) => decision !== outcome.resolution && previews[decision].available)
        .map((decision) => {
          const preview = previews[decision];
          const cost =
            decision === 'accommodate' || decision === 'premium'
              ? `, ${hours(decision === 'premium' ? card.demand.oneOffHours : preview.staffHours)}`
              : '';
          const price =
            decision === 'premium' ? `, ${percent(preview.acceptChance)} pay ${money(preview.priceCents, scenario.currency)}` : '';
          const late = preview.promise && !preview.promise.inTime ? ', too late' : '';
          return `${DECISION_STYLE[decision].label}: loyalty ${signed(preview.loyaltyChange)}${cost}${price}${late}`;
        })
    : [];
  return {
    headline: `${VERBS[outcome.resolution]} — loyalty ${loyalty}${outcome.revenueCents > 0 ? `, +${money(outcome.revenueCents, scenario.currency)}` : ''}`,
    why: parts.join(' '),
    alternatives: others.length > 0 ? `Likely instead: ${others.join(' · ')}` : '',
  };
}
