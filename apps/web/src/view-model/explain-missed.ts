import type { ServerMessage } from '@ttc/protocol';
import type { DecisionPreviews } from '@ttc/sim';
import type { Explanation } from './explain-decision';
import { firstName, hours, money, signed } from './format';

/** What the feedback panel and the log say of something the team let happen: a card nobody answered, a promise broken. */
export interface MissedExplanation extends Explanation {
  /** The line for the decision log. */
  log: string;
}

interface CardNames {
  customerName: string;
  categoryName: string;
  /** The card's previews when they are known: a gentle no's likely cost, to compare. */
  previews?: DecisionPreviews | undefined;
}

/**
 * A card whose patience ran out before anyone answered. Ignoring costs more than a gentle no (the
 * simulation's rule), so the panel says so, with the no's likely cost when the card's previews are known.
 */
export function explainIgnored(loyaltyChange: number, card: CardNames | undefined): MissedExplanation {
  const customer = card?.customerName ?? 'A customer';
  const category = card?.categoryName ?? 'a request';
  const no = card?.previews?.no.loyaltyChange;
  return {
    headline: `Nobody answered ${firstName(customer)} in time — loyalty ${signed(loyaltyChange)}`,
    why: `${customer} gave up waiting on "${category}". Ignoring is worse than a gentle no${no === undefined ? '' : ` (a no would likely have cost ${signed(no)})`}: answer or decline before the card runs out.`,
    alternatives: '',
    log: `Ignored: ${customer} gave up waiting on ${category}. Loyalty ${signed(loyaltyChange)}.`,
  };
}

/**
 * What a broken promise carries: the push a class hears (the protocol's promiseBroken), or the
 * simulation's outcome with names added, which has the same fields.
 */
export type BrokenPromise = Omit<Extract<ServerMessage, { type: 'promiseBroken' }>, 'type' | 'team' | 'demandId'>;

/** Promised work the staff did not finish by its due hour: the customer is let down, refunded, and it hurts more than a no. */
export function explainBrokenPromise(broken: BrokenPromise, currency: string): MissedExplanation {
  const refund = broken.refundCents > 0 ? ` You refunded ${money(broken.refundCents, currency)}.` : '';
  const complaint = broken.complaint ? ' They complained in public: reputation fell.' : '';
  return {
    headline: `Promise broken: ${firstName(broken.customerName)} — loyalty ${signed(broken.loyaltyChange)}`,
    why: `${hours(broken.hoursLeft)} of the ${hours(broken.hours)} promised to ${broken.customerName} for "${broken.categoryName}" were not done by the due hour: the backlog was too long. A broken promise hurts more than a gentle no would have.${refund}${complaint}`,
    alternatives: '',
    log: `Broken promise: ${broken.customerName}, ${broken.categoryName}: ${hours(broken.hoursLeft)} of ${hours(broken.hours)} not done in time. Loyalty ${signed(broken.loyaltyChange)}${broken.refundCents > 0 ? `, refunded ${money(broken.refundCents, currency)}` : ''}.`,
  };
}
