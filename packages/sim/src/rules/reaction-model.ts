import { clamp, clamp01 } from '../state/units.js';

/**
 * How customers react. Every formula of the customer side lives here, so the rules, the
 * decision preview and docs/game-design.md describe one and the same model.
 *
 * Satisfaction is the instant reaction to one decision, from −1 to +1. Loyalty (0..100) is
 * slow commitment; it moves by a fraction of satisfaction, and losses weigh more than gains.
 */
export const REACTION = {
  /** Loyalty points gained per point of satisfaction (before diminishing returns). */
  loyaltyGain: 24,
  /** Loyalty points lost per point of dissatisfaction. */
  loyaltyLoss: 30,
  /** Satisfaction when a served demand goes wrong. */
  errorSatisfaction: -0.3,
  /** Chance of a mistake at zero exhaustion, and the extra at full exhaustion (squared curve). */
  baseErrorChance: 0.02,
  exhaustedErrorChance: 0.4,
  /** A standard option is a routine: far fewer mistakes than a one-off. */
  optionErrorFactor: 0.3,
  /** A "no" hurts less when a standard option comes close to the need. */
  noWithOptionFactor: 0.55,
  complaintChance: 0.55,
  /** A mistake is put right for free and credited: this share of the category's premium price. */
  errorCreditShare: 0.5,
  /** Each round, every customer's loyalty moves by this share of reputation's gap to the baseline. */
  wordOfMouth: 0.12,
  praiseChance: 0.4,
  /** An ignored card is more likely to end up in public than a no, and the slight weighs more on loyalty. */
  ignoredComplaintFactor: 2,
  ignoredLoyaltyWeight: 1.25,
  brokenPromiseComplaintFactor: 1,
  /**
   * What a customer spends moves with their loyalty: spend = nominal × (offset + loyalty) ÷
   * (offset + the segment's starting loyalty). A customer at their starting loyalty spends the
   * nominal amount; each point lost costs about 1 % of their spend.
   */
  spendLoyaltyOffset: 10,
  /** Premium acceptance before importance and price: customers who value a thing mostly pay a fair price for it. */
  premiumBase: 0.6,
  /** Loyal customers pay extra more readily, let-down ones less: acceptance moves by this much per 50 points of loyalty from 50. */
  premiumLoyalty: 0.3,
  /** Self-service: how readily a customer uses a live option alone, before importance and price. */
  selfServiceBase: 0.95,
  selfServicePrice: 0.2,
} as const;

export function errorChance(meanExhaustion: number): number {
  const tiredness = clamp01(meanExhaustion / 100);
  return REACTION.baseErrorChance + REACTION.exhaustedErrorChance * tiredness * tiredness;
}

export function accommodateSatisfaction(importance: number): number {
  return 0.45 + 0.5 * importance;
}

/** Chance a customer pays the premium: they pay for what they value, if the price is right and they trust the team. */
export function premiumAcceptChance(
  importance: number,
  priceSensitivity: number,
  priceRatio: number,
  eventFactor: number,
  loyalty: number,
): number {
  const goodwill = (REACTION.premiumLoyalty * (loyalty - 50)) / 50;
  return clamp01((REACTION.premiumBase + 0.65 * importance - 0.55 * priceSensitivity * priceRatio + goodwill) * eventFactor);
}

export function premiumSatisfaction(importance: number): number {
  return 0.25 + 0.45 * importance;
}

/** Refusing a surcharge is a mild "no": it stings more when the customer cared. */
export function premiumRefusedSatisfaction(importance: number): number {
  return -(0.1 + 0.4 * importance);
}

/** Chance a customer takes the standard option, on their own or when steered to it. */
/**
 * Chance a customer serves themselves with a live option instead of asking: their segment's
 * self-service habit, less when the price puts them off.
 */
export function selfServiceChance(selfService: number, importance: number, priceSensitivity: number, priceRatio: number): number {
  return selfService * clamp01(REACTION.selfServiceBase + 0.1 * importance - REACTION.selfServicePrice * priceSensitivity * priceRatio);
}

export function optionAcceptChance(importance: number, priceSensitivity: number, priceRatio: number): number {
  return clamp01(0.8 + 0.2 * importance - 0.35 * priceSensitivity * priceRatio);
}

export function optionSatisfaction(importance: number): number {
  return 0.3 + 0.45 * importance;
}

export function optionRefusedSatisfaction(importance: number): number {
  return -(0.05 + 0.2 * importance);
}

export function noSatisfaction(importance: number, noPenalty: number, optionExists: boolean): number {
  const base = -(0.12 + 0.85 * importance) * noPenalty;
  return clamp(optionExists ? base * REACTION.noWithOptionFactor : base, -1, 0);
}

/** Patience ran out with nobody answering: clearly worse than a no. */
export function ignoredSatisfaction(importance: number, noPenalty: number): number {
  return clamp(-(0.5 + 0.85 * importance) * noPenalty, -1, 0);
}

/** Work promised and not done in time: worse than a no (and the promise's goodwill is taken back too). */
export function brokenPromiseSatisfaction(importance: number, noPenalty: number): number {
  return clamp(-(0.22 + 0.85 * importance) * noPenalty, -1, 0);
}

/** How much a customer spends relative to their segment's nominal spend, at a loyalty. */
export function spendFactor(loyalty: number, startingLoyalty: number): number {
  return (REACTION.spendLoyaltyOffset + loyalty) / (REACTION.spendLoyaltyOffset + startingLoyalty);
}

/** Loyalty change for a satisfaction: gains shrink near 100, losses do not. */
export function loyaltyChange(satisfaction: number, loyalty: number, stakes: number): number {
  const change = satisfaction >= 0 ? satisfaction * REACTION.loyaltyGain * (1 - loyalty / 130) : satisfaction * REACTION.loyaltyLoss;
  return change * stakes;
}

export function complaintChance(satisfaction: number, socialReach: number): number {
  return satisfaction >= 0 ? 0 : clamp01(socialReach * -satisfaction * REACTION.complaintChance);
}

export function praiseChance(satisfaction: number, socialReach: number): number {
  return satisfaction <= 0.5 ? 0 : clamp01(socialReach * (satisfaction - 0.4) * REACTION.praiseChance);
}

/** Reputation points one complaint (or praise) moves, by how far the customer's voice carries. */
export function voiceWeight(impact: number, socialReach: number): number {
  return impact * (0.5 + socialReach);
}
