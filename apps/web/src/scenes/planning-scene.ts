import type { Scenario } from '@ttc/sim';
import Phaser from 'phaser';
import { announceScreen, announceStatus, logEntry } from '../a11y/dom-mirror';
import type { ClassPlaySession, Proposal } from '../session/class-play-session';
import type { SoloSession } from '../session/solo-session';
import { Button } from '../ui/button';
import { FocusList } from '../ui/focus-list';
import { onKey } from '../ui/on-key';
import { addPanel, addText } from '../ui/panel';
import { COLOURS } from '../ui/theme';
import type { PlayView } from '../view-model/board-view';
import { money } from '../view-model/format';
import { draftCommands, emptyDraft, type PlanDraft, planCost, planningRows } from '../view-model/planning-model';
import { statusText } from '../view-model/status-text';
import { planSummary } from '../view-model/team-feed';
import { markScreen, SCENES } from './scene-keys';

const PRICE_STEP = 0.1;
const REST_LEVELS = [0, 10, 20, 30];

type Track = <T extends Phaser.GameObjects.GameObject>(object: T) => T;

// Where the right column's panels go. A class adds the team's proposals, so its panels are tighter.
const SOLO_COLUMN = {
  report: { y: 90, height: 250, lineY: 124, lineGap: 34 },
  staff: { y: 350, height: 190, lineY: 382, hireY: 412, restY: 462 },
  plan: { y: 550, height: 340, linesY: 582, lineGap: 26, maxLines: 6, totalY: 744, messageY: 772 },
};
const CLASS_COLUMN = {
  report: { y: 90, height: 210, lineY: 128, lineGap: 28 },
  staff: { y: 308, height: 140, lineY: 344, hireY: 370, restY: 406 },
  proposals: { y: 456, height: 244 },
  plan: { y: 708, height: 182, linesY: 746, lineGap: 20, maxLines: 2, totalY: 790, messageY: 814 },
};

export interface PlanningData {
  /** A solo game, or a learner's seat in a class (the team plans together there). */
  session: SoloSession | ClassPlaySession;
}

/**
 * Planning: read the round report, decide options, prices, hiring and rest, then commit. In a
 * class the team shares it: members propose drafts, see each other's, and any one commits.
 */
export class PlanningScene extends Phaser.Scene {
  private session!: SoloSession | ClassPlaySession;
  private classSession: ClassPlaySession | undefined;
  private draft!: PlanDraft;
  private view!: PlayView;
  private focus!: FocusList;
  private dynamic: Phaser.GameObjects.GameObject[] = [];
  private message = '';
  private messageGood = false;
  private announcedCommit = false;

  constructor() {
    super(SCENES.planning);
  }

  create(data: PlanningData): void {
    this.session = data.session;
    this.classSession = data.session.mode === 'class' ? data.session : undefined;
    this.view = this.session.view();
    this.draft = emptyDraft(this.view);
    this.message = '';
    this.messageGood = false;
    this.announcedCommit = false;
    this.focus = new FocusList(this, { arrows: 'both' });
    markScreen('planning');
    onKey(this, (event) => {
      if (event.key === 'c' || event.key === 'C') this.commit();
      else if ((event.key === 'p' || event.key === 'P') && this.classSession) void this.propose();
      else if (event.key === '?') {
        this.scene.launch(SCENES.help, { from: SCENES.planning });
      }
    });
    const classSession = this.classSession;
    if (classSession) {
      // Teammates' proposals, the committed plan and the round report arrive while this shows.
      const stop = classSession.onChange(() => {
        if (!this.scene.isActive()) return;
        this.view = classSession.view();
        this.noteCommit(classSession);
        this.render();
      });
      this.events.once('shutdown', stop);
      this.noteCommit(classSession);
    }
    this.render(true);
  }

  /** Says once, in the log, who committed the team's plan. */
  private noteCommit(session: ClassPlaySession): void {
    const by = session.committedBy();
    if (!by || this.announcedCommit) return;
    this.announcedCommit = true;
    logEntry(`${this.waitingText(by)}.`);
  }

  private scenario(): Scenario {
    return this.session.scenario;
  }

  private render(first = false): void {
    const current = this.focus.current();
    const focusLabel = current?.options.label;
    for (const object of this.dynamic) object.destroy();
    this.dynamic = [];
    const track: Track = <T extends Phaser.GameObjects.GameObject>(object: T): T => {
      this.dynamic.push(object);
      return object;
    };
    const scenario = this.scenario();
    const view = this.view;
    const report = view.lastReport;
    const rows = planningRows(view, scenario);
    const buttons: Button[] = [];

    const seat = this.classSession ? ` · ${this.classSession.seatLabel()}` : '';
    track(addText(this, 20, 16, `Planning after round ${view.round} of ${view.rounds}${seat}`, 'heading'));
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

    // Right column: the round in numbers, staff, and the plan's cost (and, in a class, the team's proposals).
    const at = this.classSession ? CLASS_COLUMN : SOLO_COLUMN;
    track(addPanel(this, 1080, at.report.y, 510, at.report.height, 'Last round'));
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
        addText(
          this,
          1096,
          at.report.lineY + index * at.report.lineGap,
          line,
          'small',
          line.startsWith('⚠') ? COLOURS.badCss : COLOURS.text,
          {
            fixedWidth: 480,
          },
        ),
      );
    });

    track(addPanel(this, 1080, at.staff.y, 510, at.staff.height, 'Staff'));
    const staffNow = view.staff.length;
    track(
      addText(this, 1096, at.staff.lineY, `${staffNow} staff · average exhaustion ${Math.round(view.figures.exhaustion.current)}`, 'small'),
    );
    track(
      addText(
        this,
        1096,
        at.staff.hireY + 8,
        `Hire: ${this.draft.hires} (${money(scenario.staff.hireCostCents, scenario.currency, false)} each, half speed for a round)`,
        'tiny',
        COLOURS.text,
        { fixedWidth: 380 },
      ),
    );
    buttons.push(
      track(
        new Button(this, 1480, at.staff.hireY, {
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
        new Button(this, 1530, at.staff.hireY, {
          width: 40,
          height: 34,
          label: '+',
          onPress: () => this.setHires(this.draft.hires + 1),
          textRole: 'small',
        }),
      ),
    );
    track(addText(this, 1096, at.staff.restY + 8, `Rest next round: ${this.draft.restPercent} % of working time`, 'tiny'));
    buttons.push(
      track(
        new Button(this, 1480, at.staff.restY, { width: 40, height: 34, label: '−', onPress: () => this.setRest(-1), textRole: 'small' }),
      ),
    );
    buttons.push(
      track(
        new Button(this, 1530, at.staff.restY, { width: 40, height: 34, label: '+', onPress: () => this.setRest(1), textRole: 'small' }),
      ),
    );

    if (this.classSession) this.renderProposals(this.classSession, track, buttons);

    // Once the team's plan is in, the draft no longer matters: the board shows what was committed.
    const committed = this.classSession?.committedBy() !== undefined;
    track(addPanel(this, 1080, at.plan.y, 510, at.plan.height, committed ? 'Team plan' : this.classSession ? 'Your draft' : 'Your plan'));
    const cost = planCost(view, scenario, this.draft);
    if (!committed) {
      cost.lines.slice(0, at.plan.maxLines).forEach((line, index) => {
        track(addText(this, 1096, at.plan.linesY + index * at.plan.lineGap, line, 'tiny', COLOURS.text, { fixedWidth: 480 }));
      });
      const cashAfter = view.figures.cashCents - cost.totalCents;
      track(
        addText(
          this,
          1096,
          at.plan.totalY,
          `Total ${money(cost.totalCents, scenario.currency, false)} · cash now ${money(view.figures.cashCents, scenario.currency, false)} → ${money(cashAfter, scenario.currency, false)}`,
          'small',
          cashAfter < 0 ? COLOURS.badCss : COLOURS.text,
          { fontStyle: 'bold', fixedWidth: 480 },
        ),
      );
    }
    if (this.message && !committed)
      track(
        addText(this, 1096, at.plan.messageY, this.message, 'tiny', this.messageGood ? COLOURS.goodCss : COLOURS.badCss, {
          wordWrap: { width: 480 },
          ...(this.classSession ? { maxLines: 1 } : {}),
        }),
      );
    const commit = this.classSession ? this.renderTeamCommit(this.classSession, track, buttons) : this.renderSoloCommit(track, buttons);
    if (committed) for (const button of buttons) button.setEnabled(false);
    this.focus.set(buttons, 0);
    const again = buttons.find((button) => button.options.label === focusLabel);
    if (first && commit) this.focus.focusOn(commit);
    else if (again) this.focus.focusOn(again);
    const committedBy = this.classSession?.committedBy();
    announceStatus(
      statusText(
        view,
        scenario.currency,
        committedBy ? this.waitingText(committedBy) : `Plan costs ${money(cost.totalCents, scenario.currency, false)}`,
      ),
    );
    if (first) {
      const busiest = [...rows].sort((a, b) => b.requests - a.requests)[0];
      const keys = this.classSession
        ? `P proposes your draft to the team, C commits it as the team's plan; your trainer starts round ${view.round + 1}.`
        : `C commits the plan and starts round ${view.round + 1}.`;
      announceScreen(
        `Planning after round ${view.round}. Most frequent request: ${busiest?.name ?? 'none'} (${busiest?.requests ?? 0}). Tab moves between controls, Enter presses, ${keys}`,
      );
    }
  }

  private renderSoloCommit(track: Track, buttons: Button[]): Button {
    const commit = track(
      new Button(this, 1096, 812, {
        width: 478,
        height: 60,
        label: `Commit plan · start round ${this.view.round + 1}`,
        hint: 'C',
        colour: COLOURS.good,
        onPress: () => this.commit(),
        textRole: 'body',
      }),
    );
    buttons.push(commit);
    return commit;
  }

  /** Propose and commit, or who committed the team's plan and what happens next. */
  private renderTeamCommit(session: ClassPlaySession, track: Track, buttons: Button[]): Button | undefined {
    const committedBy = session.committedBy();
    if (committedBy) {
      track(this.add.rectangle(1090, 748, 490, 126, COLOURS.good).setOrigin(0));
      track(
        addText(this, 1106, 811, this.waitingText(committedBy), 'large', COLOURS.textDark, {
          fontStyle: 'bold',
          wordWrap: { width: 470 },
        }).setOrigin(0, 0.5),
      );
      return undefined;
    }
    const propose = track(
      new Button(this, 1096, 836, {
        width: 226,
        height: 44,
        label: 'Propose to team',
        hint: 'P',
        onPress: () => void this.propose(),
        textRole: 'small',
      }),
    );
    const commit = track(
      new Button(this, 1334, 836, {
        width: 240,
        height: 44,
        label: 'Commit team plan',
        hint: 'C',
        colour: COLOURS.good,
        onPress: () => this.commit(),
        textRole: 'small',
      }),
    );
    buttons.push(propose, commit);
    return commit;
  }

  /** The teammates' proposals, newest last, each with a button to take it as your draft. */
  private renderProposals(session: ClassPlaySession, track: Track, buttons: Button[]): void {
    const { y, height } = CLASS_COLUMN.proposals;
    track(addPanel(this, 1080, y, 510, height, 'Team proposals'));
    const proposals = session.proposals();
    if (proposals.length === 0) {
      track(
        addText(
          this,
          1096,
          y + 40,
          'No proposal yet. Propose your draft (P) so the team can agree before someone commits.',
          'tiny',
          COLOURS.textMuted,
          {
            wordWrap: { width: 478 },
          },
        ),
      );
      return;
    }
    const shown = proposals.slice(-3);
    if (proposals.length > shown.length)
      track(addText(this, 1574, y + 12, `+${proposals.length - shown.length} earlier`, 'tiny', COLOURS.textMuted).setOrigin(1, 0));
    shown.forEach((proposal, index) => {
      const top = y + 40 + index * 62;
      const mine = proposal.by === session.playerName;
      track(
        addText(this, 1096, top, `${mine ? 'You' : proposal.by}: ${planSummary(proposal.plan, this.scenario())}`, 'tiny', COLOURS.text, {
          wordWrap: { width: 370 },
          maxLines: 3,
        }),
      );
      if (!mine && !session.committedBy())
        buttons.push(
          track(
            new Button(this, 1480, top - 2, {
              width: 94,
              height: 34,
              label: 'Adopt',
              onPress: () => this.adopt(proposal),
              textRole: 'small',
            }),
          ),
        );
    });
  }

  private waitingText(committedBy: string): string {
    const who = this.classSession && committedBy === this.classSession.playerName ? 'you' : committedBy;
    return `Plan committed by ${who} — waiting for your trainer to start round ${this.view.round + 1}`;
  }

  /** In a class, the plan is fixed once a member has committed it. */
  private editable(): boolean {
    return !this.classSession?.committedBy();
  }

  private toggleOption(categoryId: string, hasOption: boolean): void {
    if (!this.editable()) return;
    const list = hasOption ? this.draft.retire : this.draft.build;
    const index = list.indexOf(categoryId);
    if (index >= 0) list.splice(index, 1);
    else list.push(categoryId);
    this.render();
  }

  private adjustPremium(categoryId: string, current: number, direction: number): void {
    if (!this.editable()) return;
    const base = this.scenario().categories.find((category) => category.id === categoryId)?.premiumPriceCents ?? current;
    this.draft.premiumPrices[categoryId] = Math.max(0, Math.min(base * 3, current + Math.round(base * PRICE_STEP) * direction));
    this.render();
  }

  private adjustOption(categoryId: string, current: number, base: number, direction: number): void {
    if (!this.editable()) return;
    this.draft.optionPrices[categoryId] = Math.max(
      0,
      Math.min(Math.max(base * 3, 1000), current + Math.max(50, Math.round(base * PRICE_STEP)) * direction),
    );
    this.render();
  }

  private setHires(count: number): void {
    if (!this.editable()) return;
    const max = this.scenario().staff.max - this.view.staff.length;
    this.draft.hires = Math.max(0, Math.min(max, count));
    this.render();
  }

  private setRest(step: number): void {
    if (!this.editable()) return;
    const index = Math.max(0, Math.min(REST_LEVELS.length - 1, REST_LEVELS.indexOf(this.draft.restPercent) + step));
    this.draft.restPercent = REST_LEVELS[index] ?? 0;
    this.render();
  }

  private commit(): void {
    if (this.classSession) {
      void this.commitTeamPlan(this.classSession);
      return;
    }
    const session = this.session as SoloSession;
    for (const command of draftCommands(this.draft, this.view)) {
      const result = session.apply(command);
      if (!result.ok) {
        // Whatever went through stays; the player sees why the rest did not.
        this.message = result.rejection.reason;
        this.view = session.view();
        this.draft = emptyDraft(this.view);
        this.render();
        return;
      }
    }
    session.apply({ type: 'startRound' });
    logEntry(`Plan committed. Round ${session.state.round} begins.`);
    this.scene.start(SCENES.operations, { session });
  }

  /** The draft as the protocol's plan: copies, so later edits do not change what was sent. */
  private plan(): PlanDraft {
    return structuredClone(this.draft);
  }

  private async commitTeamPlan(session: ClassPlaySession): Promise<void> {
    if (!this.editable()) return;
    const reply = await session.commit(this.plan());
    if (!this.scene.isActive()) return;
    if (!reply.ok) this.say(reply.error.message, false);
    else {
      this.message = '';
      this.noteCommit(session);
      this.render();
    }
  }

  private async propose(): Promise<void> {
    const session = this.classSession;
    if (!session || !this.editable()) return;
    const reply = await session.propose(this.plan());
    if (!this.scene.isActive()) return;
    if (reply.ok) {
      logEntry(`You proposed: ${planSummary(this.draft, this.scenario())}.`);
      this.say('Proposed to your team: anyone may commit it.', true);
    } else this.say(reply.error.message, false);
  }

  /** Takes a teammate's proposal as your draft, to commit it or change it further. */
  private adopt(proposal: Proposal): void {
    if (!this.editable()) return;
    this.draft = structuredClone(proposal.plan);
    logEntry(`Your draft is now ${proposal.by}'s proposal: ${planSummary(proposal.plan, this.scenario())}.`);
    this.say(`Adopted ${proposal.by}'s proposal as your draft.`, true);
  }

  private say(message: string, good: boolean): void {
    this.message = message;
    this.messageGood = good;
    this.render();
  }
}
