import type { Command } from '../commands/command-schema.js';
import type { DecisionPreview } from '../figures/decision-preview.js';
import type { CardView, TeamView } from '../figures/team-view.js';
import type { Scenario } from '../scenario/scenario-schema.js';
import { DECISIONS, type Decision, type Resolution } from '../state/game-state.js';
import type { Strategy } from './strategy.js';

/**
 * The habit the game teaches, as a heuristic. On each card it weighs, in money, what each
 * decision would bring (price), cost (staff hours, dearer when the backlog is long or the
 * staff tired) and do to the customer's loyalty (worth more for valuable customers) and to
 * reputation. Between rounds it reads the round report, builds options for the requests
 * many customers share and care about, and hires or rests when the staff run hot.
 */
export function strategist(options: StrategistOptions = {}): Strategy {
  const limit = options.decisionsPerTick;
  if (limit === undefined) return { name: 'strategist', operate, plan };
  return { name: 'strategist-paced', operate: (view, scenario) => operatePaced(view, scenario, limit), plan };
}

export interface StrategistOptions {
  /** Decide at most this many cards per simulated hour (a person's pace); the rest wait or expire. */
  decisionsPerTick?: number;
}

export const STRATEGIST_TUNING = {
  /** Share of a customer's remaining spend one loyalty point is worth. */
  loyaltyPointWorth: 0.012,
  /** A complaint costs this many rounds of an average customer's spend. */
  complaintRounds: 3,
  /** Build an option when its benefit over the rest of the game beats its cost by this factor. */
  buildMargin: 1.3,
  /** Share of a category's requests an option is expected to serve. */
  expectedUptake: 0.7,
  minImportanceToBuild: 0.3,
  maxBuildsPerRound: 3,
  /** An hour of building an option costs this many wages (it displaces paid work). */
  buildHourCost: 2,
  /** What a self-served use is worth beyond its price, in loyalty kept (cents). */
  loyaltyPerUse: 300,
  /** Hire above this exhaustion (or when short-handed), with at least this many standard rounds left. */
  hireAboveExhaustion: 45,
  hireMinRoundsLeft: 3,
  /** Keep this many rounds of wages in the bank when spending. */
  cashReserveRounds: 0.6,
  /** An hour's cost in wages: a base, more per tick of queued work, and overtime (pay and strain) when a promise needs it. */
  hourBase: 0.1,
  hourPerQueuedTick: 0.2,
  overtimeHourCost: 3,
  /** At a person's pace, a card that can wait this many more ticks counts 1 ÷ (1 + this × ticks) as urgent. */
  pacedPatienceDiscount: 0.3,
} as const;

function hourCost(view: TeamView, scenario: Scenario): number {
  const wagePerHour = scenario.staff.wagePerTickCents / scenario.staff.hoursPerTick;
  const queuedTicks = view.backlogHours / Math.max(view.capacityPerTick, 0.1);
  const tiredness = view.exhaustion / 20;
  return wagePerHour * (STRATEGIST_TUNING.hourBase + queuedTicks * STRATEGIST_TUNING.hourPerQueuedTick + tiredness * tiredness);
}

/** What an hour of this promise costs: overtime when it needs overtime to be in time. */
function promiseHourCost(preview: DecisionPreview, scenario: Scenario, costOfHour: number): number {
  if (!preview.promise?.needsOvertime) return costOfHour;
  const wagePerHour = scenario.staff.wagePerTickCents / scenario.staff.hoursPerTick;
  return costOfHour + wagePerHour * STRATEGIST_TUNING.overtimeHourCost;
}

function averageCustomerValue(scenario: Scenario): number {
  const total = scenario.segments.reduce((sum, segment) => sum + segment.share, 0);
  return scenario.segments.reduce((sum, segment) => sum + (segment.revenuePerRoundCents * segment.share) / total, 0);
}

/** Standard rounds of play left (a round of the scenario's length counts 1). */
function roundsLeft(view: TeamView, scenario: Scenario): number {
  const hoursLeft = (view.rounds - view.round) * view.ticksPerRound + (view.ticksPerRound - view.tick);
  return hoursLeft / scenario.ticksPerRound;
}

function utility(
  preview: DecisionPreview,
  decision: Resolution,
  card: CardView,
  view: TeamView,
  scenario: Scenario,
  costOfHour: number,
  averageValue: number,
): number {
  const loyaltyWorth = card.customerValueCents * (roundsLeft(view, scenario) + 1) * STRATEGIST_TUNING.loyaltyPointWorth;
  const category = scenario.categories[card.demand.category];
  const perUse = decision === 'option' ? (category?.option.perUseCostCents ?? 0) * preview.acceptChance : 0;
  // A price is refunded when the work cannot be done in time.
  const paid = (decision === 'premium' || decision === 'option') && (preview.promise?.inTime ?? true);
  const revenue = paid ? preview.priceCents * preview.acceptChance : 0;
  const complaint = preview.complaintChance * averageValue * STRATEGIST_TUNING.complaintRounds;
  return (
    revenue -
    perUse +
    preview.loyaltyChange * loyaltyWorth -
    preview.staffHours * promiseHourCost(preview, scenario, costOfHour) -
    complaint
  );
}

interface Choice {
  card: CardView;
  decision: Decision;
  value: number;
  /** How much better than letting the card expire. */
  gain: number;
}

function choose(card: CardView, view: TeamView, scenario: Scenario, costOfHour: number, averageValue: number): Choice {
  let best: Decision = 'no';
  let bestValue = Number.NEGATIVE_INFINITY;
  for (const decision of DECISIONS) {
    const preview = card.previews[decision];
    if (!preview.available) continue;
    const value = utility(preview, decision, card, view, scenario, costOfHour, averageValue);
    if (value > bestValue) {
      bestValue = value;
      best = decision;
    }
  }
  const ignored = utility(card.previews.ignored, 'ignored', card, view, scenario, costOfHour, averageValue);
  return { card, decision: best, value: bestValue, gain: bestValue - ignored };
}

function decide(view: TeamView, choice: Choice): Command {
  return { type: 'decide', team: view.team, demandId: choice.card.demand.id, decision: choice.decision };
}

function operate(view: TeamView, scenario: Scenario): Command[] {
  const costOfHour = hourCost(view, scenario);
  const averageValue = averageCustomerValue(scenario);
  const commands: Command[] = [];
  let plannedHours = 0;
  const cards = [...view.cards].sort((a, b) => b.customerValueCents - a.customerValueCents);
  for (const card of cards) {
    // Work already promised on earlier cards this tick makes the next hour dearer.
    const marginalCost = costOfHour + (plannedHours / Math.max(view.capacityPerTick, 0.1)) * costOfHour * 0.5;
    const choice = choose(card, view, scenario, marginalCost, averageValue);
    plannedHours += card.previews[choice.decision].staffHours;
    commands.push(decide(view, choice));
  }
  return commands;
}

/**
 * At a person's pace: decide only the cards where deciding matters most, sooner for cards
 * about to expire; the others wait (and may expire).
 */
function operatePaced(view: TeamView, scenario: Scenario, limit: number): Command[] {
  const costOfHour = hourCost(view, scenario);
  const averageValue = averageCustomerValue(scenario);
  const urgency = (choice: Choice) => choice.gain / (1 + STRATEGIST_TUNING.pacedPatienceDiscount * choice.card.ticksLeft);
  return view.cards
    .map((card) => choose(card, view, scenario, costOfHour, averageValue))
    .sort((a, b) => urgency(b) - urgency(a))
    .slice(0, limit)
    .map((choice) => decide(view, choice));
}

function plan(view: TeamView, scenario: Scenario): Command[] {
  const commands: Command[] = [];
  const report = view.lastReport;
  const roundsLeft = view.rounds - view.round;
  const hoursLeft = roundsLeft * view.ticksPerRound;
  const standardRoundsLeft = hoursLeft / scenario.ticksPerRound;
  const wagesPerRound = scenario.staff.wagePerTickCents * view.staff.length * view.ticksPerRound;
  let spendable = view.cashCents - wagesPerRound * STRATEGIST_TUNING.cashReserveRounds;
  if (report && roundsLeft > 0) {
    const wagePerHour = scenario.staff.wagePerTickCents / scenario.staff.hoursPerTick;
    // An hour saved is worth a wage when the staff were busy, little when they sat idle.
    const load = report.staffHoursWorked / Math.max(view.capacityPerTick * view.ticksPerRound, 1);
    const hourValue = wagePerHour * Math.min(Math.max(load, 0.2), 1.5);
    const candidates = scenario.categories
      .map((category, index) => {
        const stats = report.categories[index];
        const requests = stats?.requests ?? 0;
        const importance = requests > 0 ? (stats?.importanceSum ?? 0) / requests : 0;
        const savedHours = Math.max(0, category.oneOffHours - category.option.staffHoursPerUse);
        const perUse = category.option.priceCents - category.option.perUseCostCents + savedHours * hourValue;
        const uses =
          (requests / view.ticksPerRound) * Math.max(0, hoursLeft - category.option.buildTicks) * STRATEGIST_TUNING.expectedUptake;
        const benefit = uses * (perUse + STRATEGIST_TUNING.loyaltyPerUse);
        // Build hours come first next round and push customers' work back: count them at a premium.
        const buildHours = category.option.buildStaffHours * wagePerHour * STRATEGIST_TUNING.buildHourCost;
        const cost = category.option.buildCostCents + category.option.upkeepPerRoundCents * standardRoundsLeft + buildHours;
        return { category, benefit, cost, importance };
      })
      .filter(
        ({ category, benefit, cost, importance }) =>
          !view.options.some((option) => scenario.categories[option.category]?.id === category.id) &&
          importance >= STRATEGIST_TUNING.minImportanceToBuild &&
          benefit > cost * STRATEGIST_TUNING.buildMargin,
      )
      .sort((a, b) => b.benefit - b.cost - (a.benefit - a.cost));
    let builds = 0;
    for (const { category } of candidates) {
      if (builds >= STRATEGIST_TUNING.maxBuildsPerRound || category.option.buildCostCents > spendable) continue;
      commands.push({ type: 'buildOption', team: view.team, category: category.id });
      spendable -= category.option.buildCostCents;
      builds++;
    }
  }
  const exhaustion = view.exhaustion;
  const shortHanded = view.staff.length < scenario.staff.initial;
  // A hire costs at once and pulls full weight only from their second round: worth it in a long game.
  if (
    (exhaustion > STRATEGIST_TUNING.hireAboveExhaustion || shortHanded) &&
    view.staff.length < scenario.staff.max &&
    scenario.staff.hireCostCents <= spendable &&
    standardRoundsLeft >= STRATEGIST_TUNING.hireMinRoundsLeft
  ) {
    commands.push({ type: 'hire', team: view.team, count: 1 });
  }
  const rest = exhaustion > 55 ? 20 : exhaustion > 30 ? 10 : 0;
  if (rest !== view.plannedRestPercent) commands.push({ type: 'setRest', team: view.team, percent: rest });
  return commands;
}
