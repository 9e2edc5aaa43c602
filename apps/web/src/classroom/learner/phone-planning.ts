import { announceScreen, announceStatus, logEntry } from '../../a11y/dom-mirror';
import type { Proposal, TeamPlanning } from '../../session/play-session';
import { money } from '../../view-model/format';
import { emptyDraft, type PlanDraft, planCost, planningRows } from '../../view-model/planning-model';
import { planSummary } from '../../view-model/team-feed';
import { fill, h } from '../dom';
import type { ScreenRenderer } from '../screen-types';
import { stepOptionPrice, stepPremium, stepRest, toggleOption, withHires } from './plan-draft';
import { seat } from './seat';
import './phone.css';

type Stepper = { label: string; shortLabel?: string; value: string; key: string; down: () => void; up: () => void; disabled: boolean };

/** "Premium price − €35.00 +": a value with two large buttons, each named in full for a screen reader. */
function stepper({ label, shortLabel, value, key, down, up, disabled }: Stepper): HTMLElement {
  return h(
    'div',
    { class: 'phone-stepper', role: 'group', 'aria-label': label },
    h('span', { class: 'stepper-label', 'aria-hidden': 'true' }, shortLabel ?? label),
    h('button', { type: 'button', 'aria-label': `Lower: ${label}`, 'data-key': `${key}-down`, disabled, onclick: down }, '−'),
    h('output', { class: 'stepper-value' }, value),
    h('button', { type: 'button', 'aria-label': `Raise: ${label}`, 'data-key': `${key}-up`, disabled, onclick: up }, '+'),
  );
}

/**
 * Planning on a phone: the round report by request, the options and prices, staff, then commit.
 * In a class, also the team's proposals, and the trainer starts the next round; in solo play
 * committing starts it.
 */
export const phonePlanningScreen: ScreenRenderer = ({ root }) => {
  const place = seat();
  if (!place?.ready()) return undefined;
  const { play } = place;
  const team: TeamPlanning | undefined = play.teamPlanning;
  const scenario = play.scenario;
  let view = play.view();
  let draft: PlanDraft = emptyDraft(view);
  let message = { text: '', good: false };
  let announcedCommit = false;
  const body = h('div', { class: 'phone-scroll phone-planning-body' });
  const bar = h('section', { class: 'phone-bar phone-plan-bar', 'aria-label': 'Your draft plan' });
  const committedBy = () => team?.committedBy();
  const change = (next: PlanDraft) => {
    if (committedBy()) return;
    draft = next;
    draw();
  };
  const waitingText = (by: string) =>
    `Plan committed by ${by === team?.playerName ? 'you' : by} — waiting for your trainer to start round ${view.round + 1}`;

  const rowsSection = (locked: boolean) =>
    planningRows(view, scenario).map((row) => {
      const hasOption = row.optionStatus !== 'none';
      const building = draft.build.includes(row.categoryId);
      const retiring = draft.retire.includes(row.categoryId);
      const premium = draft.premiumPrices[row.categoryId] ?? row.premiumPriceCents;
      const category = scenario.categories.find((candidate) => candidate.id === row.categoryId);
      const optionPrice = draft.optionPrices[row.categoryId] ?? row.optionPriceCents;
      const label = hasOption
        ? retiring
          ? 'Keep the option'
          : 'Retire the option'
        : building
          ? 'Cancel the build'
          : `Build an option · ${money(row.buildCostCents, scenario.currency, false)} + ${row.buildStaffHours.toFixed(0)} staff h`;
      return h(
        'li',
        { class: `phone-plan-row${building || retiring ? ' changed' : ''}` },
        h('h3', {}, row.name),
        h('p', {}, `${row.requests} request${row.requests === 1 ? '' : 's'} · ${row.bySegment} · ${row.cares}`),
        h('p', { class: 'muted' }, `One-offs: ${row.oneOffHours.toFixed(1)} h (${row.cost})`),
        // What building takes (money and staff hours), or how the live option did against its upkeep.
        h(
          'p',
          { class: 'info' },
          row.optionNote.replace(/^★ (Live|Being built)/, (_all, what: string) => `Option ${what.toLowerCase()}`),
        ),
        h(
          'button',
          {
            type: 'button',
            class: building || retiring ? 'changed' : '',
            'data-key': `option-${row.categoryId}`,
            disabled: locked,
            onclick: () => change(toggleOption(draft, row.categoryId, hasOption)),
          },
          label,
        ),
        stepper({
          label: `Premium price for ${row.name}`,
          shortLabel: 'Premium price',
          value: money(premium, scenario.currency),
          key: `premium-${row.categoryId}`,
          disabled: locked,
          down: () => change(stepPremium(draft, scenario, row.categoryId, premium, -1)),
          up: () => change(stepPremium(draft, scenario, row.categoryId, premium, 1)),
        }),
        hasOption &&
          !retiring &&
          category &&
          optionPrice !== null &&
          stepper({
            label: `Option price for ${row.name}`,
            shortLabel: 'Option price',
            value: money(optionPrice, scenario.currency),
            key: `option-price-${row.categoryId}`,
            disabled: locked,
            down: () => change(stepOptionPrice(draft, row.categoryId, optionPrice, category.option.priceCents, -1)),
            up: () => change(stepOptionPrice(draft, row.categoryId, optionPrice, category.option.priceCents, 1)),
          }),
      );
    });

  const proposalItem = (proposal: Proposal, locked: boolean) => {
    const mine = proposal.by === team?.playerName;
    return h(
      'li',
      {},
      h('p', {}, h('strong', {}, mine ? 'You' : proposal.by), `: ${planSummary(proposal.plan, scenario)}`),
      !mine &&
        !locked &&
        h(
          'button',
          { type: 'button', 'data-key': `adopt-${proposal.playerId}`, onclick: () => adopt(proposal) },
          `Adopt ${proposal.by}’s plan`,
        ),
    );
  };

  const draw = () => {
    view = play.view();
    const committer = committedBy();
    const locked = committer !== undefined;
    const report = view.lastReport;
    const focusedKey = (document.activeElement as HTMLElement | null)?.dataset.key;
    // A redraw keeps what the learner opened or closed.
    const opened = new Map(
      [...root.querySelectorAll<HTMLDetailsElement>('details[data-key]')].map((item) => [item.dataset.key, item.open]),
    );
    const cost = planCost(view, scenario, draft);
    const cashAfter = view.figures.cashCents - cost.totalCents;
    const proposals = team?.proposals() ?? [];
    fill(
      body,
      h(
        'header',
        { class: 'phone-top' },
        h(
          'div',
          { class: 'phone-seat' },
          h('h1', { id: 'phone-planning-title' }, place.title()),
          h('span', { class: 'phone-seat-name' }, place.subtitle()),
        ),
        h('p', { class: 'phone-clock' }, `Planning after round ${view.round} of ${view.rounds}`),
      ),
      report &&
        h(
          'details',
          { class: 'phone-more', 'data-key': 'report', open: opened.get('report') ?? true },
          h('summary', {}, `Round ${view.round} in numbers`),
          h('ul', {}, [
            h(
              'li',
              {},
              `Revenue ${money(report.revenueCents, scenario.currency, false)} · costs ${money(report.costsCents, scenario.currency, false)}`,
            ),
            h('li', {}, `Staff worked ${report.staffHoursWorked.toFixed(0)} h, ${report.overtimeHours.toFixed(0)} h overtime`),
            h('li', {}, `Complaints ${report.complaints} · praise ${report.praise} · mistakes ${report.errors}`),
            h('li', {}, `Customers lost ${report.customersLost} · new ${report.customersJoined}`),
            h(
              'li',
              { class: report.staffResigned.length > 0 ? 'bad' : '' },
              report.staffResigned.length > 0 ? `⚠ Resigned: ${report.staffResigned.join(', ')}` : 'Nobody resigned.',
            ),
          ]),
        ),
      h('h2', {}, 'Requests, options and prices'),
      h('p', { class: 'muted' }, 'Which requests came often, from whom, at what cost? Build options for the frequent, valued ones.'),
      h('ul', { class: 'phone-plan-rows' }, rowsSection(locked)),
      h('h2', {}, 'Staff'),
      h('p', {}, `${view.staff.length} staff · average exhaustion ${Math.round(view.figures.exhaustion.current)}`),
      stepper({
        label: `Hire (${money(scenario.staff.hireCostCents, scenario.currency, false)} each)`,
        value: String(draft.hires),
        key: 'hires',
        disabled: locked,
        down: () => change(withHires(draft, draft.hires - 1, scenario.staff.max - view.staff.length)),
        up: () => change(withHires(draft, draft.hires + 1, scenario.staff.max - view.staff.length)),
      }),
      stepper({
        label: 'Rest next round',
        value: `${draft.restPercent} %`,
        key: 'rest',
        disabled: locked,
        down: () => change(stepRest(draft, -1)),
        up: () => change(stepRest(draft, 1)),
      }),
      team && h('h2', {}, 'Team proposals'),
      team &&
        (proposals.length > 0
          ? h(
              'ul',
              { class: 'phone-proposals' },
              proposals.map((proposal) => proposalItem(proposal, locked)),
            )
          : h('p', { class: 'muted' }, 'No proposal yet. Propose your draft so the team can agree before someone commits.')),
    );
    fill(
      bar,
      locked
        ? h('p', { class: 'phone-committed', role: 'status' }, waitingText(committer))
        : [
            h(
              'details',
              { class: 'phone-plan-cost', 'data-key': 'cost', open: opened.get('cost') ?? false },
              h(
                'summary',
                {},
                `Your draft: ${money(cost.totalCents, scenario.currency, false)} · cash after ${money(cashAfter, scenario.currency, false)}`,
              ),
              h(
                'ul',
                {},
                cost.lines.map((line) => h('li', {}, line)),
              ),
            ),
            message.text && h('p', { class: message.good ? 'good' : 'bad', role: 'status' }, message.text),
            h(
              'div',
              { class: 'phone-plan-actions' },
              team && h('button', { type: 'button', 'data-key': 'propose', onclick: () => void propose() }, 'Propose to team'),
              h(
                'button',
                { type: 'button', class: 'primary', 'data-key': 'commit', onclick: () => void commit() },
                team ? 'Commit team plan' : `Commit and start round ${view.round + 1}`,
              ),
            ),
          ],
    );
    if (focusedKey) root.querySelector<HTMLElement>(`[data-key="${CSS.escape(focusedKey)}"]`)?.focus();
    if (committer && !announcedCommit) {
      announcedCommit = true;
      logEntry(`${waitingText(committer)}.`);
    }
    announceStatus(
      `Round ${view.round} of ${view.rounds}. Planning. ${committer ? waitingText(committer) : `Plan costs ${money(cost.totalCents, scenario.currency, false)}`}`,
    );
  };

  const say = (text: string, good: boolean) => {
    message = { text, good };
    draw();
  };

  const propose = async () => {
    if (!team) return;
    const reply = await team.propose(structuredClone(draft));
    if (reply.ok) {
      logEntry(`You proposed: ${planSummary(draft, scenario)}.`);
      say('Proposed to your team: anyone may commit it.', true);
    } else say(reply.error.message, false);
  };

  const commit = async () => {
    const reply = await play.commitPlan(structuredClone(draft));
    if (!reply.ok) say(reply.message, false);
    else if (reply.nextRoundStarted) {
      logEntry(`Plan committed: ${planSummary(draft, scenario)}. Round ${view.round + 1} begins.`);
      place.committed();
    } else draw();
  };

  const adopt = (proposal: Proposal) => {
    change(structuredClone(proposal.plan));
    logEntry(`Your draft is now ${proposal.by}'s proposal: ${planSummary(proposal.plan, scenario)}.`);
    say(`Adopted ${proposal.by}'s proposal as your draft.`, true);
  };

  root.append(h('section', { class: 'screen phone-board phone-planning', 'aria-labelledby': 'phone-planning-title' }, body, bar));
  draw();
  const stop = place.onChange(draw);
  announceScreen(
    team
      ? `Planning after round ${view.round}. ${play.seatLabel()}. Build options, set prices, hire and rest; propose your draft to the team, and one of you commits it. Your trainer starts round ${view.round + 1}.`
      : `Planning after round ${view.round} of ${view.rounds}. Build options, set prices, hire and rest; Commit starts round ${view.round + 1}.`,
  );
  return stop;
};
