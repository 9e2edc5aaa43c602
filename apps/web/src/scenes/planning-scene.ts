import type { Scenario, TeamView } from '@ttc/sim';
import Phaser from 'phaser';
import { announceScreen, announceStatus, logEntry } from '../a11y/dom-mirror';
import type { SoloSession } from '../session/solo-session';
import { Button } from '../ui/button';
import { FocusList } from '../ui/focus-list';
import { onKey } from '../ui/on-key';
import { addPanel, addText } from '../ui/panel';
import { COLOURS } from '../ui/theme';
import { money } from '../view-model/format';
import { draftCommands, emptyDraft, type PlanDraft, planCost, planningRows } from '../view-model/planning-model';
import { statusText } from '../view-model/status-text';
import { markScreen, SCENES } from './scene-keys';

const PRICE_STEP = 0.1;
const REST_LEVELS = [0, 10, 20, 30];

/** Planning: read the round report, decide options, prices, hiring and rest, then commit. */
export class PlanningScene extends Phaser.Scene {
  private session!: SoloSession;
  private draft!: PlanDraft;
  private view!: TeamView;
  private focus!: FocusList;
  private dynamic: Phaser.GameObjects.GameObject[] = [];
  private message = '';

  constructor() {
    super(SCENES.planning);
  }

  create(data: { session: SoloSession }): void {
    this.session = data.session;
    this.view = this.session.view();
    this.draft = emptyDraft(this.view);
    this.message = '';
    this.focus = new FocusList(this, { arrows: 'both' });
    markScreen('planning');
    onKey(this, (event) => {
      if (event.key === 'c' || event.key === 'C') this.commit();
      else if (event.key === '?') {
        this.scene.launch(SCENES.help, { from: SCENES.planning });
      }
    });
    this.render(true);
  }

  private scenario(): Scenario {
    return this.session.scenario;
  }

  private render(first = false): void {
    const current = this.focus.current();
    const focusLabel = current?.options.label;
    for (const object of this.dynamic) object.destroy();
    this.dynamic = [];
    const track = <T extends Phaser.GameObjects.GameObject>(object: T): T => {
      this.dynamic.push(object);
      return object;
    };
    const scenario = this.scenario();
    const view = this.view;
    const report = view.lastReport;
    const rows = planningRows(view, scenario);
    const buttons: Button[] = [];

    track(addText(this, 20, 16, `Planning after round ${view.round} of ${view.rounds}`, 'heading'));
    track(
      addText(
        this,
        20,
        56,
        'Which requests came often, from whom, and at what cost? Build options for the frequent, valued ones.',
        'small',
        COLOURS.textMuted,
      ),
    );
    track(addPanel(this, 10, 90, 1060, 800));
    const columns = [24, 280, 470, 600];
    ['Request (round report)', 'Asked by', 'Customers…', 'One-offs cost'].forEach((label, index) => {
      track(addText(this, columns[index] as number, 100, label.toUpperCase(), 'tiny', COLOURS.textMuted, { fontStyle: 'bold' }));
    });
    track(addText(this, 760, 100, 'OPTION · PREMIUM PRICE', 'tiny', COLOURS.textMuted, { fontStyle: 'bold' }));
    const rowHeight = Math.min(96, 770 / rows.length);
    rows.forEach((row, index) => {
      const y = 124 + index * rowHeight;
      track(this.add.rectangle(14, y - 2, 1052, rowHeight - 4, index % 2 ? COLOURS.panel : COLOURS.panelRaised).setOrigin(0));
      track(addText(this, columns[0] as number, y + 4, `${row.name}`, 'small', COLOURS.text, { fontStyle: 'bold', fixedWidth: 250 }));
      track(
        addText(
          this,
          columns[0] as number,
          y + 28,
          `${row.requests} request${row.requests === 1 ? '' : 's'}${row.optionStatus !== 'none' ? ` · option ${row.optionStatus}${row.optionStatus === 'live' ? `, ${row.optionUses} uses` : ''}` : ''}`,
          'tiny',
          COLOURS.textMuted,
        ),
      );
      track(addText(this, columns[1] as number, y + 4, row.bySegment, 'small'));
      track(addText(this, columns[2] as number, y + 4, row.cares, 'tiny'));
      track(addText(this, columns[3] as number, y + 4, `${row.oneOffHours.toFixed(1)} h (${row.cost})`, 'tiny'));
      track(
        addText(this, columns[0] as number, y + 50, `An option would: ${row.optionWouldSave}`, 'tiny', COLOURS.infoCss, {
          fixedWidth: 720,
        }),
      );
      const building = this.draft.build.includes(row.categoryId);
      const retiring = this.draft.retire.includes(row.categoryId);
      const hasOption = row.optionStatus !== 'none';
      const buildLabel = hasOption
        ? retiring
          ? `Keep option`
          : 'Retire option'
        : building
          ? 'Cancel build'
          : `Build ${money(row.buildCostCents, scenario.currency, false)}`;
      buttons.push(
        track(
          new Button(this, 760, y + 2, {
            width: 170,
            height: 34,
            label: buildLabel,
            onPress: () => this.toggleOption(row.categoryId, hasOption),
            textRole: 'small',
            ...(building || retiring ? { colour: COLOURS.warn } : {}),
          }),
        ),
      );
      const category = scenario.categories.find((candidate) => candidate.id === row.categoryId);
      const premium = this.draft.premiumPrices[row.categoryId] ?? row.premiumPriceCents;
      buttons.push(
        track(
          new Button(this, 940, y + 2, {
            width: 34,
            height: 34,
            label: '−',
            onPress: () => this.adjustPremium(row.categoryId, premium, -1),
            textRole: 'small',
          }),
        ),
      );
      track(addText(this, 1003, y + 19, money(premium, scenario.currency), 'tiny').setOrigin(0.5));
      buttons.push(
        track(
          new Button(this, 1032, y + 2, {
            width: 34,
            height: 34,
            label: '+',
            onPress: () => this.adjustPremium(row.categoryId, premium, 1),
            textRole: 'small',
          }),
        ),
      );
      if (hasOption && category && row.optionPriceCents !== null && !retiring) {
        const optionPrice = this.draft.optionPrices[row.categoryId] ?? row.optionPriceCents;
        track(addText(this, 760, y + 44, `option price ${money(optionPrice, scenario.currency)}`, 'tiny', COLOURS.goodCss));
        buttons.push(
          track(
            new Button(this, 940, y + 40, {
              width: 34,
              height: 30,
              label: '−',
              onPress: () => this.adjustOption(row.categoryId, optionPrice, category.option.priceCents, -1),
              textRole: 'small',
            }),
          ),
        );
        buttons.push(
          track(
            new Button(this, 1032, y + 40, {
              width: 34,
              height: 30,
              label: '+',
              onPress: () => this.adjustOption(row.categoryId, optionPrice, category.option.priceCents, 1),
              textRole: 'small',
            }),
          ),
        );
      }
    });

    // Right column: the round in numbers, staff, and the plan's cost.
    track(addPanel(this, 1080, 90, 510, 250, 'Last round'));
    const lines = report
      ? [
          `Revenue ${money(report.revenueCents, scenario.currency, false)} · costs ${money(report.costsCents, scenario.currency, false)}`,
          `Staff worked ${report.staffHoursWorked.toFixed(0)} h, ${report.overtimeHours.toFixed(0)} h overtime`,
          `Complaints ${report.complaints} · praise ${report.praise} · mistakes ${report.errors}`,
          `Customers lost ${report.customersLost} · new customers ${report.customersJoined}`,
          report.staffResigned.length > 0 ? `⚠ Resigned: ${report.staffResigned.join(', ')}` : 'Nobody resigned.',
          `Profit so far ${money(view.figures.profitCents, scenario.currency, false)} · loyalty ${Math.round(view.figures.loyalty)}`,
        ]
      : [];
    lines.forEach((line, index) => {
      track(
        addText(this, 1096, 124 + index * 34, line, 'small', line.startsWith('⚠') ? COLOURS.badCss : COLOURS.text, { fixedWidth: 480 }),
      );
    });

    track(addPanel(this, 1080, 350, 510, 190, 'Staff'));
    const staffNow = view.staff.length;
    track(addText(this, 1096, 382, `${staffNow} staff · average exhaustion ${Math.round(view.figures.exhaustion.current)}`, 'small'));
    track(
      addText(
        this,
        1096,
        420,
        `Hire: ${this.draft.hires} (${money(scenario.staff.hireCostCents, scenario.currency, false)} each, half speed for a round)`,
        'tiny',
        COLOURS.text,
        { fixedWidth: 380 },
      ),
    );
    buttons.push(
      track(
        new Button(this, 1480, 412, {
          width: 40,
          height: 34,
          label: '−',
          onPress: () => this.setHires(this.draft.hires - 1),
          textRole: 'small',
        }),
      ),
    );
    buttons.push(
      track(
        new Button(this, 1530, 412, {
          width: 40,
          height: 34,
          label: '+',
          onPress: () => this.setHires(this.draft.hires + 1),
          textRole: 'small',
        }),
      ),
    );
    track(addText(this, 1096, 470, `Rest next round: ${this.draft.restPercent} % of working time`, 'tiny'));
    buttons.push(
      track(new Button(this, 1480, 462, { width: 40, height: 34, label: '−', onPress: () => this.setRest(-1), textRole: 'small' })),
    );
    buttons.push(
      track(new Button(this, 1530, 462, { width: 40, height: 34, label: '+', onPress: () => this.setRest(1), textRole: 'small' })),
    );

    track(addPanel(this, 1080, 550, 510, 340, 'Your plan'));
    const cost = planCost(view, scenario, this.draft);
    cost.lines.slice(0, 6).forEach((line, index) => {
      track(addText(this, 1096, 582 + index * 26, line, 'tiny', COLOURS.text, { fixedWidth: 480 }));
    });
    const cashAfter = view.figures.cashCents - cost.totalCents;
    track(
      addText(
        this,
        1096,
        744,
        `Total ${money(cost.totalCents, scenario.currency, false)} · cash now ${money(view.figures.cashCents, scenario.currency, false)} → ${money(cashAfter, scenario.currency, false)}`,
        'small',
        cashAfter < 0 ? COLOURS.badCss : COLOURS.text,
        { fontStyle: 'bold', fixedWidth: 480 },
      ),
    );
    if (this.message) track(addText(this, 1096, 772, this.message, 'tiny', COLOURS.badCss, { wordWrap: { width: 480 } }));
    const commit = track(
      new Button(this, 1096, 812, {
        width: 478,
        height: 60,
        label: `Commit plan · start round ${view.round + 1}`,
        hint: 'C',
        colour: COLOURS.good,
        onPress: () => this.commit(),
        textRole: 'body',
      }),
    );
    buttons.push(commit);
    this.focus.set(buttons, 0);
    const again = buttons.find((button) => button.options.label === focusLabel);
    if (first) this.focus.focusOn(commit);
    else if (again) this.focus.focusOn(again);
    announceStatus(statusText(view, scenario.currency, `Plan costs ${money(cost.totalCents, scenario.currency, false)}`));
    if (first) {
      const busiest = [...rows].sort((a, b) => b.requests - a.requests)[0];
      announceScreen(
        `Planning after round ${view.round}. Most frequent request: ${busiest?.name ?? 'none'} (${busiest?.requests ?? 0}). Tab moves between controls, Enter presses, C commits the plan and starts round ${view.round + 1}.`,
      );
    }
  }

  private toggleOption(categoryId: string, hasOption: boolean): void {
    const list = hasOption ? this.draft.retire : this.draft.build;
    const index = list.indexOf(categoryId);
    if (index >= 0) list.splice(index, 1);
    else list.push(categoryId);
    this.render();
  }

  private adjustPremium(categoryId: string, current: number, direction: number): void {
    const base = this.scenario().categories.find((category) => category.id === categoryId)?.premiumPriceCents ?? current;
    this.draft.premiumPrices[categoryId] = Math.max(0, Math.min(base * 3, current + Math.round(base * PRICE_STEP) * direction));
    this.render();
  }

  private adjustOption(categoryId: string, current: number, base: number, direction: number): void {
    this.draft.optionPrices[categoryId] = Math.max(
      0,
      Math.min(Math.max(base * 3, 1000), current + Math.max(50, Math.round(base * PRICE_STEP)) * direction),
    );
    this.render();
  }

  private setHires(count: number): void {
    const max = this.scenario().staff.max - this.view.staff.length;
    this.draft.hires = Math.max(0, Math.min(max, count));
    this.render();
  }

  private setRest(step: number): void {
    const index = Math.max(0, Math.min(REST_LEVELS.length - 1, REST_LEVELS.indexOf(this.draft.restPercent) + step));
    this.draft.restPercent = REST_LEVELS[index] ?? 0;
    this.render();
  }

  private commit(): void {
    for (const command of draftCommands(this.draft, this.view)) {
      const result = this.session.apply(command);
      if (!result.ok) {
        // Whatever went through stays; the player sees why the rest did not.
        this.message = result.rejection.reason;
        this.view = this.session.view();
        this.draft = emptyDraft(this.view);
        this.render();
        return;
      }
    }
    this.session.apply({ type: 'startRound' });
    logEntry(`Plan committed. Round ${this.session.state.round} begins.`);
    this.scene.start(SCENES.operations, { session: this.session });
  }
}
