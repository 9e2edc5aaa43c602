import { type OptionOffer, type RoundReport, type Scenario, planCost as simPlanCost, type TeamPlan } from '@ttc/sim';
import { SEGMENT_SYMBOLS } from '../ui/theme';
import type { PlayView } from './board-view';
import { caresLabel, money } from './format';

export interface PlanningRow {
  categoryId: string;
  name: string;
  requests: number;
  /** e.g. "● 4  ▲ 2  ■ 1" */
  bySegment: string;
  /** The same counts with the segments' names, for speech. */
  segmentCounts: { name: string; count: number }[];
  cares: string;
  /** Staff hours spent on one-offs, and what they cost in wages. */
  oneOffHours: number;
  cost: string;
  /** What a standard option would have done for this round's requests, and what building and keeping it costs. */
  optionWouldSave: string;
  /** What building the option takes: money now, and staff hours that join the backlog before it goes live. */
  buildText: string;
  buildStaffHours: number;
  /** Whether the live option's prices covered its upkeep in the last round; null when it was not live then. */
  paidUpkeep: boolean | null;
  /** The row's last line: what an option would do, or what the live or building one does. */
  optionNote: string;
  optionStatus: 'none' | 'building' | 'live';
  optionUses: number;
  buildCostCents: number;
  premiumPriceCents: number;
  optionPriceCents: number | null;
}

export interface PlanCost {
  lines: string[];
  totalCents: number;
}

export function planningRows(view: PlayView, scenario: Scenario): PlanningRow[] {
  const report: RoundReport | undefined = view.lastReport;
  const wagePerHour = scenario.staff.wagePerTickCents / scenario.staff.hoursPerTick;
  return scenario.categories.map((category, index) => {
    const stats = report?.categories[index];
    const requests = stats?.requests ?? 0;
    const option = view.options.find((candidate) => candidate.category === index);
    const bySegment = (stats?.bySegment ?? [])
      .map((count, segment) => (count > 0 ? `${SEGMENT_SYMBOLS[segment % SEGMENT_SYMBOLS.length]} ${count}` : ''))
      .filter(Boolean)
      .join('  ');
    const segmentCounts = (stats?.bySegment ?? []).flatMap((count, segment) =>
      count > 0 ? [{ name: scenario.segments[segment]?.name ?? `segment ${segment + 1}`, count }] : [],
    );
    const savedHours = Math.max(0, category.oneOffHours - category.option.staffHoursPerUse) * requests;
    const earned = (category.option.priceCents - category.option.perUseCostCents) * requests;
    const offer = view.optionOffers[index];
    const buildStaffHours = offer?.buildStaffHours ?? category.option.buildStaffHours;
    const upkeep = `${money(upkeepOf(view, scenario, index), scenario.currency, false)}/round`;
    // Building takes staff hours too: they join the backlog first thing next round, before any customer's work.
    const buildText = `build ${money(category.option.buildCostCents, scenario.currency, false)} + ${buildStaffHours.toFixed(0)} staff h`;
    // What building takes comes first: a line cut short on a small screen keeps it.
    const optionWouldSave =
      requests === 0
        ? 'not asked for'
        : `${buildText}, ${upkeep}; would save up to ${savedHours.toFixed(0)} h, ${money(earned, scenario.currency, false)} in prices`;
    // An option already live or on its way is described as it is, not as a what-if.
    const optionNote = !option
      ? requests === 0
        ? `Not asked for this round · an option: ${buildText}, ${upkeep}`
        : `Option: ${optionWouldSave}`
      : option.status === 'live'
        ? `★ Live, ${option.uses} use${option.uses === 1 ? '' : 's'} · ${upkeepVerdict(offer, upkeep, scenario.currency)}`
        : `★ Being built: ${(offer?.buildHoursLeft ?? buildStaffHours).toFixed(0)} of ${buildStaffHours.toFixed(0)} staff h left · live early next round`;
    return {
      categoryId: category.id,
      name: category.name,
      requests,
      bySegment: bySegment || '—',
      segmentCounts,
      optionNote,
      cares: requests > 0 ? caresLabel((stats?.importanceSum ?? 0) / requests) : '—',
      oneOffHours: stats?.oneOffHours ?? 0,
      cost: money(Math.round((stats?.oneOffHours ?? 0) * wagePerHour), scenario.currency, false),
      optionWouldSave,
      buildText,
      buildStaffHours,
      paidUpkeep: option?.status === 'live' ? (offer?.lastRound?.paidUpkeep ?? null) : null,
      optionStatus: option ? option.status : 'none',
      optionUses: option?.uses ?? 0,
      buildCostCents: category.option.buildCostCents,
      premiumPriceCents: view.premiumPriceCents[index] ?? category.premiumPriceCents,
      optionPriceCents: option ? option.priceCents : null,
    };
  });
}

/** Whether a live option paid its way last round: its users' prices less per-use costs against the upkeep. */
function upkeepVerdict(offer: OptionOffer | undefined, upkeep: string, currency: string): string {
  const last = offer?.lastRound;
  if (!last) return `upkeep ${upkeep}, not live last round`;
  const net = money(last.revenueCents - last.useCostsCents, currency, false);
  const cost = money(last.upkeepCents, currency, false);
  return last.paidUpkeep ? `paid its upkeep last round (${net} net ≥ ${cost})` : `did not pay its upkeep last round (${net} net < ${cost})`;
}

/** An option's upkeep for one round of this game's length, as the simulation charges it. */
function upkeepOf(view: PlayView, scenario: Scenario, category: number): number {
  return view.optionOffers[category]?.upkeepPerRoundCents ?? scenario.categories[category]?.option.upkeepPerRoundCents ?? 0;
}

/** The plan being put together; nothing reaches the simulation until it is committed. */
export type PlanDraft = TeamPlan;

export function emptyDraft(view: PlayView): PlanDraft {
  return { build: [], retire: [], premiumPrices: {}, optionPrices: {}, hires: 0, restPercent: view.plannedRestPercent };
}

/** What the plan will cost, shown before it is committed: the simulation's figures (planCost), in words. */
export function planCost(view: PlayView, scenario: Scenario, draft: PlanDraft): PlanCost {
  const cost = simPlanCost(scenario, view, draft);
  const lines: string[] = [];
  for (const build of cost.builds) lines.push(`Build "${build.name}": ${money(build.cents, scenario.currency, false)}`);
  if (draft.hires > 0) lines.push(`Hire ${draft.hires}: ${money(cost.hireCents, scenario.currency, false)}, then wages`);
  if (cost.upkeepCents > 0) lines.push(`Option upkeep next round: ${money(cost.upkeepCents, scenario.currency, false)}`);
  lines.push(...priceChangeLines(view, scenario, draft));
  for (const id of draft.retire) lines.push(`Retire "${scenario.categories.find((category) => category.id === id)?.name ?? id}"`);
  if (draft.restPercent > 0) lines.push(`Rest ${draft.restPercent} %: that much less capacity, faster recovery`);
  if (lines.length === 0) lines.push('No changes: next round runs as this one did.');
  return { lines, totalCents: cost.totalCents };
}

/** Each price the draft changes, "Premium “Gift wrap”: €12.00 → €13.20"; prices set back to what they were are left out. */
export function priceChangeLines(view: PlayView, scenario: Scenario, draft: PlanDraft): string[] {
  const lines: string[] = [];
  scenario.categories.forEach((category, index) => {
    const premiumNow = view.premiumPriceCents[index] ?? category.premiumPriceCents;
    const premium = draft.premiumPrices[category.id];
    if (premium !== undefined && premium !== premiumNow)
      lines.push(`Premium “${category.name}”: ${money(premiumNow, scenario.currency)} → ${money(premium, scenario.currency)}`);
    const optionNow = view.options.find((option) => option.category === index)?.priceCents;
    const optionPrice = draft.optionPrices[category.id];
    if (optionPrice !== undefined && optionNow !== undefined && optionPrice !== optionNow)
      lines.push(`Option price “${category.name}”: ${money(optionNow, scenario.currency)} → ${money(optionPrice, scenario.currency)}`);
  });
  return lines;
}

/** The last round in numbers, as the planning screen and its text mirror show it. */
export function lastRoundLines(view: PlayView, scenario: Scenario): string[] {
  const report = view.lastReport;
  if (!report) return [];
  const currency = scenario.currency;
  return [
    `Revenue ${money(report.revenueCents, currency, false)} · costs ${money(report.costsCents, currency, false)}`,
    `Staff worked ${report.staffHoursWorked.toFixed(0)} h, ${report.overtimeHours.toFixed(0)} h overtime`,
    `Complaints ${report.complaints} · praise ${report.praise} · mistakes ${report.errors}`,
    `Customers lost ${report.customersLost} · new customers ${report.customersJoined}`,
    report.staffResigned.length > 0 ? `⚠ Resigned: ${report.staffResigned.join(', ')}` : 'Nobody resigned.',
    `Profit so far ${money(view.figures.profitCents, currency, false)} · loyalty ${Math.round(view.figures.loyalty)}`,
  ];
}
