import type { FeedItem, Plan } from '@ttc/protocol';
import type { Scenario } from '@ttc/sim';
import { DECISION_STYLE } from '../ui/theme';
import { hours, money, signed } from './format';

/** What a "decided" push carries, and the card it was about when the board still shows it. */
export interface TeamDecision {
  decision: FeedItem;
  by: string;
  accepted: boolean;
  loyaltyChange: number;
  revenueCents: number;
  /** For a broken promise: the hours left undone and what was refunded. */
  hoursLeft?: number | undefined;
  refundCents?: number | undefined;
}

function decisionLabel(decided: TeamDecision): string {
  if (decided.decision === 'ignored') return 'Ignored (nobody answered in time)';
  if (decided.decision === 'broken-promise')
    return `Broken promise${decided.hoursLeft === undefined ? '' : ` (${hours(decided.hoursLeft)} not done in time)`}`;
  return DECISION_STYLE[decided.decision].label;
}

/**
 * One line for the team feed and the log: who decided what for whom, and what it did, e.g.
 * "Grace: Ada Lovelace, Same-day delivery — Premium, paid €45.00, loyalty +1.2".
 */
export function teamDecisionText(
  decided: TeamDecision,
  card: { customerName: string; categoryName: string } | undefined,
  currency: string,
): string {
  // The clock's lines: a card nobody answered, or work the backlog did not reach by its due hour.
  const clock = decided.decision === 'broken-promise' ? 'Backlog' : 'Nobody';
  const who = decided.by === 'clock' ? clock : decided.by === 'bot' ? 'The team bot' : decided.by;
  const what = card ? `${card.customerName}, ${card.categoryName}` : 'a request';
  const parts = [decisionLabel(decided)];
  if (decided.decision === 'premium' || decided.decision === 'option')
    parts.push(decided.accepted ? `paid ${money(decided.revenueCents, currency)}` : 'refused');
  if (decided.decision === 'broken-promise' && decided.refundCents) parts.push(`refunded ${money(decided.refundCents, currency)}`);
  parts.push(`loyalty ${signed(decided.loyaltyChange)}`);
  return `${who}: ${what} — ${parts.join(', ')}`;
}

function categoryName(scenario: Scenario, id: string): string {
  return scenario.categories.find((category) => category.id === id)?.name ?? id;
}

/**
 * A teammate's proposed plan in words, e.g. "build Same-day delivery · hire 1 · rest 10 % ·
 * premium Gift wrap €12.00". Nothing changed reads "no changes".
 */
export function planSummary(plan: Plan, scenario: Scenario): string {
  const parts: string[] = [];
  if (plan.build.length > 0) parts.push(`build ${plan.build.map((id) => categoryName(scenario, id)).join(', ')}`);
  if (plan.retire.length > 0) parts.push(`retire ${plan.retire.map((id) => categoryName(scenario, id)).join(', ')}`);
  if (plan.hires > 0) parts.push(`hire ${plan.hires}`);
  if (plan.restPercent > 0) parts.push(`rest ${plan.restPercent} %`);
  for (const [id, cents] of Object.entries(plan.premiumPrices))
    parts.push(`premium ${categoryName(scenario, id)} ${money(cents, scenario.currency)}`);
  for (const [id, cents] of Object.entries(plan.optionPrices))
    parts.push(`option price ${categoryName(scenario, id)} ${money(cents, scenario.currency)}`);
  return parts.length > 0 ? parts.join(' · ') : 'no changes';
}
