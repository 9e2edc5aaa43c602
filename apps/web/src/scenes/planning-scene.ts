import type { Scenario } from '@ttc/sim';
import Phaser from 'phaser';
import { roundReportLines } from '../a11y/board-text';
import { announceScreen, announceStatus, logEntry, mirrorDetails, refuseKey } from '../a11y/dom-mirror';
import { StatusAnnouncer } from '../a11y/status-announcer';
import type { PlaySession, Proposal, TeamPlanning } from '../session/play-session';
import { Button } from '../ui/button';
import { setFittedText } from '../ui/fit-text';
import { FocusList } from '../ui/focus-list';
import { onKey } from '../ui/on-key';
import { addPanel, addText } from '../ui/panel';
import { COLOURS } from '../ui/theme';
import type { PlayView } from '../view-model/board-view';
import { money } from '../view-model/format';
import { emptyDraft, lastRoundLines, type PlanDraft, type PlanningRow, planCost, planningRows } from '../view-model/planning-model';
import { planSummary } from '../view-model/team-feed';
import { markScreen, SCENES } from './scene-keys';

const PRICE_STEP = 0.1;
const REST_LEVELS = [0, 10, 20, 30];

type Track = <T extends Phaser.GameObjects.GameObject>(object: T) => T;

// Where the right column's panels go. A class adds the team's proposals, so its panels are tighter.
const SOLO_COLUMN = {
  report: { y: 90, height: 216, lineY: 130, lineGap: 28 },
  staff: { y: 314, height: 194, lineY: 352, hireY: 382, restY: 448 },
  plan: { y: 516, height: 374, linesY: 552, lineGap: 27, maxLines: 7, totalY: 746, messageY: 776 },
};
const CLASS_COLUMN = {
  report: { y: 90, height: 196, lineY: 130, lineGap: 25 },
  staff: { y: 292, height: 160, lineY: 328, hireY: 354, restY: 408 },
  proposals: { y: 458, height: 236 },
  plan: { y: 700, height: 190, linesY: 734, lineGap: 25, maxLines: 2, totalY: 786, messageY: 734 },
};
/** The request table's columns: none may run into the next. */
const TABLE = { name: 24, asked: 318, cares: 580, buttons: 760, textWidth: 716, fullWidth: 1030 };

export interface PlanningData {
  /** A solo game, or a learner's seat in a class (the team plans together there). */
  session: PlaySession;
}

/**
 * Planning: read the round report, decide options, prices, hiring and rest, then commit. In a
 * class the team shares it: members propose drafts, see each other's, and any one commits.
 */
export class PlanningScene extends Phaser.Scene {
  private session!: PlaySession;
  /** In a class: the team's shared planning (proposals, who committed). */
  private classSession: TeamPlanning | undefined;
  private draft!: PlanDraft;
  private view!: PlayView;
  private focus!: FocusList;
  private dynamic: Phaser.GameObjects.GameObject[] = [];
  private message = '';
  private messageGood = false;
  private announcedCommit = false;
  private announcer!: StatusAnnouncer;

  constructor() {
    super(SCENES.planning);
  }

  create(data: PlanningData): void {
    this.session = data.session;
    this.classSession = data.session.teamPlanning;
    this.view = this.session.view();
    this.draft = emptyDraft(this.view);
    this.message = '';
    this.messageGood = false;
    this.announcedCommit = false;
    this.announcer = new StatusAnnouncer();
    this.focus = new FocusList(this, { arrows: 'both' });
    markScreen('planning', this);
    onKey(this, (event) => {
      if (event.key === 'c' || event.key === 'C') this.commit();
      else if (event.key === 'p' || event.key === 'P') {
        if (this.classSession) void this.propose();
        else refuseKey('P proposes a plan to your team in a class; here, C commits your plan.');
      } else if (event.key === 'Escape') refuseKey('Planning has no way back: commit your plan with C to start the next round.');
      // A decision key pressed as the round ended lands here: say why it did nothing.
      else if (['1', '2', '3', '4'].includes(event.key))
        refuseKey(`The round is over, so key ${event.key} decides nothing: cards wait for the next round. C commits your plan.`);
      else if (event.key === '?') {
        this.scene.launch(SCENES.help, { from: SCENES.planning });
      }
    });
    const classSession = this.classSession;
    if (classSession) {
      // Teammates' proposals, the committed plan and the round report arrive while this shows.
      const stop = classSession.onChange(() => {
        if (!this.scene.isActive()) return;
        this.view = this.session.view();
        this.noteCommit(classSession);
        this.render();
      });
      this.events.once('shutdown', stop);
      this.noteCommit(classSession);
    }
    this.render(true);
  }

  /** Says once, in the log, who committed the team's plan. */
  private noteCommit(session: TeamPlanning): void {
    const by = session.committedBy();
    if (!by || this.announcedCommit) return;
    this.announcedCommit = true;
    logEntry(`${this.waitingText(by)}.`);
  }

  private scenario(): Scenario {
    return this.session.scenario;
  }

  private render(first = false): void {
    const focusId = this.focus.current()?.options.id;
    for (const object of this.dynamic) object.destroy();
    this.dynamic = [];
    const track: Track = <T extends Phaser.GameObjects.GameObject>(object: T): T => {
      this.dynamic.push(object);
      return object;
    };
    const scenario = this.scenario();
    const view = this.view;
    const rows = planningRows(view, scenario);
    const buttons: Button[] = [];

    const seatLabel = this.session.seatLabel();
    const seat = seatLabel ? ` · ${seatLabel}` : '';
    track(addText(this, 20, 12, `Planning after round ${view.round} of ${view.rounds}${seat}`, 'heading'));
    track(
      addText(
        this,
        20,
        54,
        'Which requests came often, from whom, and at what cost? Build options for the frequent, valued ones.',
        'small',
        COLOURS.textMuted,
      ),
    );
    track(addPanel(this, 10, 90, 1060, 800));
    const headers: [number, string][] = [
      [TABLE.name, 'Round report'],
      [TABLE.asked, 'Asked by'],
      [TABLE.cares, 'They…'],
      [TABLE.buttons, 'Option · premium price'],
    ];
    for (const [x, label] of headers) track(addText(this, x, 98, label.toUpperCase(), 'tiny', COLOURS.textMuted, { fontStyle: 'bold' }));
    const rowHeight = Math.min(100, 760 / rows.length);
    rows.forEach((row, index) => {
      this.renderRow(row, 126 + index * rowHeight, rowHeight, index, track, buttons);
    });

    // Right column: the round in numbers, staff, and the plan's cost (and, in a class, the team's proposals).
    const at = this.classSession ? CLASS_COLUMN : SOLO_COLUMN;
    track(addPanel(this, 1080, at.report.y, 510, at.report.height, 'Last round'));
    const lines = lastRoundLines(view, scenario);
    lines.forEach((line, index) => {
      const text = track(
        addText(this, 1096, at.report.lineY + index * at.report.lineGap, '', 'tiny', line.startsWith('⚠') ? COLOURS.badCss : COLOURS.text),
      );
      setFittedText(text, line, 478);
    });

    track(addPanel(this, 1080, at.staff.y, 510, at.staff.height, 'Staff'));
    track(
      addText(
        this,
        1096,
        at.staff.lineY,
        `${view.staff.length} staff · average exhaustion ${Math.round(view.figures.exhaustion.current)}`,
        'tiny',
      ),
    );
    const hireCost = money(scenario.staff.hireCostCents, scenario.currency, false);
    track(addText(this, 1096, at.staff.hireY, `Hire: ${this.draft.hires}`, 'small', COLOURS.text, { fontStyle: 'bold' }));
    track(addText(this, 1096, at.staff.hireY + 26, `${hireCost} each; half speed for a round`, 'tiny', COLOURS.textMuted));
    this.stepButtons(
      1470,
      at.staff.hireY,
      'hire',
      'one person fewer to hire',
      'one more person to hire',
      (step) => this.setHires(this.draft.hires + step),
      track,
      buttons,
    );
    const restLabel = `Rest next round: ${this.draft.restPercent} %`;
    track(addText(this, 1096, at.staff.restY, restLabel, 'small', COLOURS.text, { fontStyle: 'bold' }));
    if (!this.classSession) track(addText(this, 1096, at.staff.restY + 26, 'less capacity, faster recovery', 'tiny', COLOURS.textMuted));
    this.stepButtons(
      1470,
      at.staff.restY,
      'rest',
      'less rest next round',
      'more rest next round',
      (step) => this.setRest(step),
      track,
      buttons,
    );

    if (this.classSession) this.renderProposals(this.classSession, track, buttons);

    // Once the team's plan is in, the draft no longer matters: the board shows what was committed.
    const committed = this.classSession?.committedBy() !== undefined;
    track(addPanel(this, 1080, at.plan.y, 510, at.plan.height, committed ? 'Team plan' : this.classSession ? 'Your draft' : 'Your plan'));
    const cost = planCost(view, scenario, this.draft);
    // In a class a message takes the place of the draft's lines: the panel is small there.
    const showLines = !committed && !(this.classSession && this.message);
    if (showLines) {
      const shown = cost.lines.length > at.plan.maxLines ? cost.lines.slice(0, at.plan.maxLines - 1) : cost.lines;
      shown.forEach((line, index) => {
        const text = track(addText(this, 1096, at.plan.linesY + index * at.plan.lineGap, '', 'tiny'));
        setFittedText(text, line, 478);
      });
      if (shown.length < cost.lines.length)
        track(
          addText(
            this,
            1096,
            at.plan.linesY + shown.length * at.plan.lineGap,
            `…and ${cost.lines.length - shown.length} more`,
            'tiny',
            COLOURS.textMuted,
          ),
        );
    }
    if (!committed) {
      const cashAfter = view.figures.cashCents - cost.totalCents;
      const total = track(
        addText(this, 1096, at.plan.totalY, '', 'small', cashAfter < 0 ? COLOURS.badCss : COLOURS.text, { fontStyle: 'bold' }),
      );
      setFittedText(
        total,
        `Total ${money(cost.totalCents, scenario.currency, false)} · cash ${money(view.figures.cashCents, scenario.currency, false)} → ${money(cashAfter, scenario.currency, false)}`,
        478,
      );
    }
    if (this.message && !committed) {
      const message = track(
        addText(this, 1096, at.plan.messageY, '', 'tiny', this.messageGood ? COLOURS.goodCss : COLOURS.badCss, {
          wordWrap: { width: 478 },
        }),
      );
      setFittedText(message, this.message, 478, 2);
    }
    const commit = this.classSession ? this.renderTeamCommit(this.classSession, track, buttons) : this.renderSoloCommit(track, buttons);
    if (committed) for (const button of buttons) button.setEnabled(false);
    this.focus.set(buttons, 0);
    // Focus stays on the control that was pressed, even when its label changed (Build → Cancel build).
    if (first && commit) this.focus.focusOn(commit);
    else if (focusId) this.focus.focusOnId(focusId);
    const committedBy = this.classSession?.committedBy();
    const status = this.announcer.next(
      view,
      scenario.currency,
      committedBy ? this.waitingText(committedBy) : `Plan costs ${money(cost.totalCents, scenario.currency, false)}`,
    );
    if (status) announceStatus(status);
    mirrorDetails([
      { heading: 'Round report', lines: roundReportLines(rows) },
      { heading: 'Last round', lines },
      {
        heading: committed ? 'Team plan' : 'Your plan',
        lines: committed ? [] : [...cost.lines, `Total ${money(cost.totalCents, scenario.currency, false)}`],
      },
    ]);
    if (first) {
      const busiest = [...rows].sort((a, b) => b.requests - a.requests)[0];
      const keys = this.classSession
        ? `P proposes your draft to the team, C commits it as the team's plan; your trainer starts round ${view.round + 1}.`
        : `C commits the plan and starts round ${view.round + 1}.`;
      announceScreen(
        `Planning after round ${view.round}. Most frequent request: ${busiest?.name ?? 'none'} (${busiest?.requests ?? 0}). The round report is in the screen's text. Tab moves between controls, Enter presses, ${keys}`,
      );
    }
  }

  /** One request of the round report: what came, from whom, at what cost, and its controls. */
  private renderRow(row: PlanningRow, y: number, height: number, index: number, track: Track, buttons: Button[]): void {
    const scenario = this.scenario();
    track(this.add.rectangle(14, y - 2, 1052, height - 4, index % 2 ? COLOURS.panel : COLOURS.panelRaised).setOrigin(0));
    const name = track(addText(this, TABLE.name, y + 2, '', 'small', COLOURS.text, { fontStyle: 'bold' }));
    setFittedText(name, row.name, TABLE.asked - TABLE.name - 12);
    // Each column is cut to its own width: a long list of segments never runs into the next.
    setFittedText(track(addText(this, TABLE.asked, y + 4, '', 'tiny')), row.bySegment, TABLE.cares - TABLE.asked - 12);
    setFittedText(track(addText(this, TABLE.cares, y + 4, '', 'tiny')), row.cares, TABLE.buttons - TABLE.cares - 12);
    const counts = `${row.requests} request${row.requests === 1 ? '' : 's'} · one-offs ${row.oneOffHours.toFixed(1)} h (${row.cost})`;
    track(addText(this, TABLE.name, y + 30, counts, 'tiny', COLOURS.textMuted));
    const note = track(addText(this, TABLE.name, y + 56, '', 'tiny', row.optionStatus === 'none' ? COLOURS.infoCss : COLOURS.goodCss));
    // Without an option the row has no option-price control under the buttons: its note may run the full width.
    setFittedText(note, row.optionNote, row.optionStatus === 'none' ? TABLE.fullWidth : TABLE.textWidth);

    const building = this.draft.build.includes(row.categoryId);
    const retiring = this.draft.retire.includes(row.categoryId);
    const hasOption = row.optionStatus !== 'none';
    const buildLabel = hasOption
      ? retiring
        ? 'Keep option'
        : 'Retire option'
      : building
        ? 'Cancel build'
        : `Build ${money(row.buildCostCents, scenario.currency, false)}`;
    buttons.push(
      track(
        new Button(this, TABLE.buttons, y + 2, {
          width: 148,
          height: 34,
          label: buildLabel,
          spoken: `${buildLabel}: ${row.name}`,
          id: `option:${row.categoryId}`,
          onPress: () => this.toggleOption(row.categoryId, hasOption),
          textRole: 'tiny',
          ...(building || retiring ? { colour: COLOURS.warn } : {}),
        }),
      ),
    );
    const category = scenario.categories.find((candidate) => candidate.id === row.categoryId);
    const premium = this.draft.premiumPrices[row.categoryId] ?? row.premiumPriceCents;
    const premiumText = money(premium, scenario.currency);
    track(addText(this, 987, y + 19, premiumText, 'tiny').setOrigin(0.5));
    this.stepButtons(
      914,
      y + 2,
      `premium:${row.categoryId}`,
      `lower the premium for ${row.name}, now ${premiumText}`,
      `raise the premium for ${row.name}, now ${premiumText}`,
      (step) => this.adjustPremium(row.categoryId, premium, step),
      track,
      buttons,
      { gap: 86, size: 30 },
    );
    if (hasOption && category && row.optionPriceCents !== null && !retiring) {
      const optionPrice = this.draft.optionPrices[row.categoryId] ?? row.optionPriceCents;
      const optionText = money(optionPrice, scenario.currency);
      track(addText(this, TABLE.buttons, y + 46, 'option price', 'tiny', COLOURS.goodCss));
      track(addText(this, 987, y + 61, optionText, 'tiny', COLOURS.goodCss).setOrigin(0.5));
      this.stepButtons(
        914,
        y + 44,
        `option-price:${row.categoryId}`,
        `lower the option price for ${row.name}, now ${optionText}`,
        `raise the option price for ${row.name}, now ${optionText}`,
        (step) => this.adjustOption(row.categoryId, optionPrice, category.option.priceCents, step),
        track,
        buttons,
        { gap: 86, size: 30 },
      );
    }
  }

  /** A − and a + button for one setting, each named for what it does. */
  private stepButtons(
    x: number,
    y: number,
    id: string,
    lower: string,
    raise: string,
    onStep: (step: -1 | 1) => void,
    track: Track,
    buttons: Button[],
    shape: { gap: number; size: number } = { gap: 10, size: 40 },
  ): void {
    ([-1, 1] as const).forEach((step, index) => {
      buttons.push(
        track(
          new Button(this, x + index * (shape.gap + shape.size), y, {
            width: shape.size,
            height: 34,
            label: step < 0 ? '−' : '+',
            spoken: step < 0 ? lower : raise,
            id: `${id}:${step < 0 ? 'minus' : 'plus'}`,
            onPress: () => onStep(step),
            textRole: 'small',
          }),
        ),
      );
    });
  }

  private renderSoloCommit(track: Track, buttons: Button[]): Button {
    const commit = track(
      new Button(this, 1096, 826, {
        width: 478,
        height: 56,
        label: `Commit plan · start round ${this.view.round + 1}`,
        hint: 'C',
        id: 'commit',
        colour: COLOURS.good,
        onPress: () => this.commit(),
        textRole: 'body',
      }),
    );
    buttons.push(commit);
    return commit;
  }

  /** Propose and commit, or who committed the team's plan and what happens next. */
  private renderTeamCommit(session: TeamPlanning, track: Track, buttons: Button[]): Button | undefined {
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
        label: 'Propose',
        hint: 'P',
        id: 'propose',
        onPress: () => void this.propose(),
        textRole: 'tiny',
      }),
    );
    const commit = track(
      new Button(this, 1334, 836, {
        width: 240,
        height: 44,
        label: 'Commit plan',
        hint: 'C',
        id: 'commit',
        colour: COLOURS.good,
        onPress: () => this.commit(),
        textRole: 'tiny',
      }),
    );
    buttons.push(propose, commit);
    return commit;
  }

  /** The teammates' proposals, newest last, each with a button to take it as your draft. */
  private renderProposals(session: TeamPlanning, track: Track, buttons: Button[]): void {
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
    const shown = proposals.slice(-2);
    if (proposals.length > shown.length)
      track(addText(this, 1574, y + 12, `+${proposals.length - shown.length} earlier`, 'tiny', COLOURS.textMuted).setOrigin(1, 0));
    shown.forEach((proposal, index) => {
      const top = y + 40 + index * 96;
      const mine = proposal.by === session.playerName;
      const text = track(addText(this, 1096, top, '', 'tiny', COLOURS.text, { wordWrap: { width: 370 } }));
      setFittedText(text, `${mine ? 'You' : proposal.by}: ${planSummary(proposal.plan, this.scenario())}`, 370, 3);
      if (!mine && !session.committedBy())
        buttons.push(
          track(
            new Button(this, 1480, top - 2, {
              width: 94,
              height: 34,
              label: 'Adopt',
              spoken: `Adopt ${proposal.by}'s proposal as your draft`,
              id: `adopt:${proposal.by}`,
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
    void this.commitSoloPlan();
  }

  /** Solo: the whole plan or nothing of it, and the next round starts at once. */
  private async commitSoloPlan(): Promise<void> {
    const reply = await this.session.commitPlan(this.plan());
    if (!reply.ok) {
      // All or nothing: nothing of the plan was applied; the draft stays for the player to change.
      this.say(reply.message, false);
      return;
    }
    logEntry(`Plan committed. Round ${this.view.round + 1} begins.`);
    this.scene.start(SCENES.operations, { session: this.session });
  }

  /** The draft as the protocol's plan: copies, so later edits do not change what was sent. */
  private plan(): PlanDraft {
    return structuredClone(this.draft);
  }

  private async commitTeamPlan(session: TeamPlanning): Promise<void> {
    if (!this.editable()) return;
    const reply = await this.session.commitPlan(this.plan());
    if (!this.scene.isActive()) return;
    if (!reply.ok) this.say(reply.message, false);
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
