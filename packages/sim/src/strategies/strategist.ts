import type { Command } from '../commands/command-schema.js';
import type { DecisionPreview } from '../figures/decision-preview.js';
import type { CardView, TeamView } from '../figures/team-view.js';
import type { Scenario } from '../scenario/scenario-schema.js';
import { DECISIONS, type Decision } from '../state/game-state.js';
import type { Strategy } from './strategy.js';

/**
 * The habit the game teaches, as a heuristic. On each card it weighs, in money, what each
 * decision would bring (price), cost (staff hours, dearer when the backlog is long or the
 * staff tired) and do to the customer's loyalty (worth more for valuable customers) and to
 * reputation. Between rounds it reads the round report, builds options for the requests
 * many customers share and care about, and hires or rests when the staff run hot.
 */
export function strategist(): Strategy {
  return { name: 'strategist', operate, plan };
}

const TUNING = {
  /** Share of a customer's remaining spend one loyalty point is worth. */
  loyaltyPointWorth: 0.012,
  /** A complaint costs this many rounds of an average customer's spend. */
  complaintRounds: 3,
  /** Build an option when its yearly benefit beats its cost by this factor. */
  buildMargin: 1.3,
  /** Share of a category's requests an option is expected to serve. */
  expectedUptake: 0.7,
  minImportanceToBuild: 0.3,
  maxBuildsPerRound: 2,
  /** Keep this many rounds of wages in the bank when spending. */
  cashReserveRounds: 0.6,
} as const;

function hourCost(view: TeamView, scenario: Scenario): number {
  const wagePerHour = scenario.staff.wagePerTickCents / scenario.staff.hoursPerTick;
  const queuedTicks = view.backlogHours / Math.max(view.capacityPerTick, 0.1);
  const tiredness = view.exhaustion / 20;
  return wagePerHour * (0.25 + queuedTicks * 0.6 + tiredness * tiredness);
}

function averageCustomerValue(scenario: Scenario): number {
  const total = scenario.segments.reduce((sum, segment) => sum + segment.share, 0);
  return scenario.segments.reduce((sum, segment) => sum + (segment.revenuePerRoundCents * segment.share) / total, 0);
}

function utility(
  preview: DecisionPreview,
  decision: Decision,
  card: CardView,
  view: TeamView,
  scenario: Scenario,
  costOfHour: number,
  averageValue: number,
): number {
  const roundsLeft = view.rounds - view.round + 1;
  const loyaltyWorth = card.customerValueCents * roundsLeft * TUNING.loyaltyPointWorth;
  const category = scenario.categories[card.demand.category];
  const perUse = decision === 'option' ? (category?.option.perUseCostCents ?? 0) * preview.acceptChance : 0;
  const revenue = decision === 'premium' || decision === 'option' ? preview.priceCents * preview.acceptChance : 0;
  const complaint = preview.complaintChance * averageValue * TUNING.complaintRounds;
  return revenue - perUse + preview.loyaltyChange * loyaltyWorth - preview.staffHours * costOfHour - complaint;
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
    let best: Decision = 'no';
    let bestValue = Number.NEGATIVE_INFINITY;
    for (const decision of DECISIONS) {
      const preview = card.previews[decision];
      if (!preview.available) continue;
      const value = utility(preview, decision, card, view, scenario, marginalCost, averageValue);
      if (value > bestValue) {
        bestValue = value;
        best = decision;
      }
    }
    plannedHours += card.previews[best].staffHours;
    commands.push({ type: 'decide', team: view.team, demandId: card.demand.id, decision: best });
  }
  return commands;
}

function plan(view: TeamView, scenario: Scenario): Command[] {
  const commands: Command[] = [];
  const report = view.lastReport;
  const roundsLeft = view.rounds - view.round;
  const wagesPerRound = scenario.staff.wagePerTickCents * view.staff.length * view.ticksPerRound;
  let spendable = view.cashCents - wagesPerRound * TUNING.cashReserveRounds;
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
        const perRequest = TUNING.expectedUptake * (category.option.priceCents - category.option.perUseCostCents + savedHours * hourValue);
        const benefit = requests * perRequest * roundsLeft;
        const cost = category.option.buildCostCents + category.option.upkeepPerRoundCents * roundsLeft;
        return { category, benefit, cost, importance };
      })
      .filter(
        ({ category, benefit, cost, importance }) =>
          !view.options.some((option) => scenario.categories[option.category]?.id === category.id) &&
          importance >= TUNING.minImportanceToBuild &&
          benefit > cost * TUNING.buildMargin,
      )
      .sort((a, b) => b.benefit - b.cost - (a.benefit - a.cost));
    let builds = 0;
    for (const { category } of candidates) {
      if (builds >= TUNING.maxBuildsPerRound || category.option.buildCostCents > spendable) continue;
      commands.push({ type: 'buildOption', team: view.team, category: category.id });
      spendable -= category.option.buildCostCents;
      builds++;
    }
  }
  const exhaustion = view.exhaustion;
  const queuedTicks = view.backlogHours / Math.max(view.capacityPerTick, 0.1);
  const shortHanded = view.staff.length < scenario.staff.initial;
  if (
    (exhaustion > 40 || queuedTicks > 3 || shortHanded) &&
    view.staff.length < scenario.staff.max &&
    scenario.staff.hireCostCents <= spendable &&
    roundsLeft >= 2
  ) {
    commands.push({ type: 'hire', team: view.team, count: 1 });
  }
  const rest = exhaustion > 55 ? 20 : exhaustion > 30 ? 10 : 0;
  if (rest !== view.plannedRestPercent) commands.push({ type: 'setRest', team: view.team, percent: rest });
  return commands;
}
