import type { Decision } from '@ttc/sim';
import { announceScreen, announceStatus, logEntry } from '../../a11y/dom-mirror';
import { DECISION_STYLE } from '../../ui/theme';
import { hourText, type PlayView } from '../../view-model/board-view';
import { cardModel } from '../../view-model/card-model';
import { explainDecision } from '../../view-model/explain-decision';
import { hours } from '../../view-model/format';
import { statusText } from '../../view-model/status-text';
import { fill, h } from '../dom';
import type { ScreenRenderer } from '../screen-types';
import { cardItem, choiceButtons, DECISIONS, figuresList, selectedCard } from './phone-board-parts';
import { seat } from './seat';
import { soloClockControls } from './solo-clock-controls';
import './phone.css';

/**
 * A board on a phone — a learner's in a class, or a solo game's: the waiting demands as a list to
 * scroll, and the selected one with the four answers in a bar at the bottom, in reach of a thumb.
 * Held sideways, the list and the bar sit side by side. The same session the desktop board draws,
 * so the same figures; a solo game adds its pause and speed buttons.
 */
export const phoneBoardScreen: ScreenRenderer = ({ root, nav }) => {
  const place = seat();
  if (!place?.ready()) return undefined;
  const { play } = place;
  const scenario = play.scenario;
  const solo = play.clock !== undefined;
  let selectedId: number | undefined;
  let lastStatus = '';

  const title = h('h1', { id: 'phone-board-title' });
  const who = h('span', { class: 'phone-seat-name' });
  const clock = h('p', { class: 'phone-clock', id: 'phone-clock' });
  const paused = h('p', { class: 'phone-paused', role: 'status', hidden: true });
  const figures = h('div', { class: 'phone-figures-wrap' });
  const eventBanner = h('div', { class: 'phone-event', role: 'alert', hidden: true });
  const listHeading = h('h2', { id: 'phone-cards-heading' });
  const list = h('ul', { class: 'phone-cards', 'aria-labelledby': 'phone-cards-heading' });
  const empty = h('p', { class: 'muted phone-empty' }, 'No customer is waiting. The next requests arrive as the hours pass.');
  const feed = h('ol', { class: 'phone-feed' });
  const staff = h('div', { class: 'phone-staff' });
  // What the last answer did: a tap shows all of it (the log has it in full as well).
  const outcome = h('div', {
    class: 'phone-outcome',
    'aria-live': 'polite',
    hidden: true,
    onclick: () => outcome.classList.toggle('expanded'),
  });
  const selected = h('div', { onclick: () => selected.classList.toggle('expanded') });
  const choices = h('div', { class: 'phone-choices', role: 'group', 'aria-label': 'Your answer to the selected demand' });

  const cards = (view: PlayView) => view.cards.map((card) => cardModel(card, scenario));

  // A solo game's pause and speed: large buttons under the figures (a class's clock is the trainer's).
  const controls = play.clock
    ? soloClockControls(
        play.clock,
        () => draw(),
        () => nav.toTitle(),
      )
    : undefined;

  const drawClock = () => {
    const view = play.view();
    const when = `Round ${view.round} of ${view.rounds} · ${hourText(view.tick, view.ticksPerRound)}`;
    const left = place.clockText();
    clock.textContent = left ? `${when} · ${left}` : when;
  };

  const draw = () => {
    const view = play.view();
    const models = cards(view);
    if (!models.some((model) => model.demandId === selectedId)) selectedId = models[0]?.demandId;
    const chosen = models.find((model) => model.demandId === selectedId);
    if (chosen) play.select(chosen.demandId);
    title.textContent = place.title();
    who.textContent = place.subtitle();
    drawClock();
    controls?.draw();
    const held = place.heldBy();
    paused.hidden = held === undefined;
    paused.textContent = held ?? '';
    fill(figures, figuresList(view, scenario.currency));
    listHeading.textContent = `Waiting demands (${models.length})`;
    const focused = (document.activeElement as HTMLElement | null)?.dataset.demand;
    fill(
      list,
      models.map((model) =>
        cardItem(model, model.demandId === selectedId, () => {
          selectedId = model.demandId;
          draw();
        }),
      ),
    );
    if (focused) list.querySelector<HTMLElement>(`[data-demand="${focused}"]`)?.focus();
    empty.hidden = models.length > 0;
    const lines = play.teamFeed();
    fill(
      feed,
      lines.length > 0
        ? lines.map((line) => h('li', {}, line))
        : h('li', { class: 'muted' }, 'Your team’s decisions appear here as they happen.'),
    );
    const queued = view.backlogHours / Math.max(view.capacityPerTick, 0.1);
    fill(
      staff,
      h('p', {}, `Backlog ${hours(view.backlogHours)}: ${queued.toFixed(1)} hours of work queued · ${view.staff.length} staff`),
      h(
        'ul',
        {},
        view.staff.map((member) =>
          h(
            'li',
            {},
            `${member.name}${member.newHire ? ' (new)' : ''}: exhaustion ${Math.round(member.exhaustion)}${member.resignChance > 0.05 ? ' ⚠ may quit' : ''}`,
          ),
        ),
      ),
    );
    if (selected.firstElementChild?.getAttribute('data-demand') !== String(chosen?.demandId)) selected.classList.remove('expanded');
    fill(selected, selectedCard(chosen));
    // A redraw (every hour in solo play) keeps the keyboard's focus on the answer it was on.
    const focusedChoice = [...choices.children].indexOf(document.activeElement as Element);
    fill(
      choices,
      choiceButtons(chosen, held !== undefined, (decision) => void decide(decision)),
    );
    if (focusedChoice >= 0) (choices.children[focusedChoice] as HTMLElement | undefined)?.focus();
    // With feedback off (a solo player testing themselves) the log still says what happened.
    for (const event of place.takeEvents())
      if (event.kind === 'missed') {
        if (play.feedback) showOutcome(event.explanation.headline, event.explanation.why, 'bad');
      } else if (event.kind === 'log') logEntry(event.text);
      else if (event.kind === 'event') {
        fill(
          eventBanner,
          h('p', {}, h('strong', {}, `⚠ ${event.name}: `), event.description),
          h('button', { type: 'button', onclick: () => (eventBanner.hidden = true) }, 'OK'),
        );
        eventBanner.hidden = false;
        logEntry(`Event: ${event.name}. ${event.description}`);
      }
    const status = statusText(view, scenario.currency, play.statusExtra());
    if (status !== lastStatus) {
      lastStatus = status;
      announceStatus(status);
    }
  };

  const showOutcome = (headline: string, body: string, tone: 'good' | 'bad' | 'muted') => {
    outcome.hidden = false;
    outcome.classList.remove('expanded');
    fill(outcome, h('p', { class: `outcome-headline ${tone}` }, headline), body ? h('p', { class: 'outcome-why' }, body) : undefined);
  };

  const decide = async (decision: Decision) => {
    const view = play.view();
    const card = view.cards.find((candidate) => candidate.demand.id === selectedId);
    if (!card) return;
    const reply = await play.decideCard(card.demand.id, decision);
    if (!reply.ok) {
      logEntry(`${card.customerName}, ${card.categoryName}: ${reply.message}`);
      showOutcome(reply.gentle ? 'Already taken care of' : 'Not decided', reply.message, reply.gentle ? 'muted' : 'bad');
      return;
    }
    const explanation = explainDecision(reply.outcome, reply.card, scenario);
    logEntry(`${card.customerName}, ${card.categoryName}: ${DECISION_STYLE[decision].label}. ${explanation.headline}. ${explanation.why}`);
    if (play.feedback) showOutcome(explanation.headline, [explanation.why, explanation.alternatives].filter(Boolean).join(' '), 'good');
    draw();
  };

  const moveSelection = (step: number) => {
    const models = cards(play.view());
    const at = Math.max(
      0,
      models.findIndex((model) => model.demandId === selectedId),
    );
    selectedId = models[Math.max(0, Math.min(models.length - 1, at + step))]?.demandId;
    draw();
  };

  root.append(
    h(
      'section',
      { class: 'screen phone-board', 'aria-labelledby': 'phone-board-title' },
      h('header', { class: 'phone-top' }, h('div', { class: 'phone-seat' }, title, who), clock, paused, controls?.element, figures),
      eventBanner,
      h(
        'div',
        { class: 'phone-scroll' },
        h('section', { class: 'phone-list', 'aria-labelledby': 'phone-cards-heading' }, listHeading, list, empty),
        // A solo player is the whole team: no one else's decisions to follow.
        !solo && h('details', { class: 'phone-more' }, h('summary', {}, 'Team decisions'), feed),
        h('details', { class: 'phone-more' }, h('summary', {}, 'Staff and backlog'), staff),
      ),
      h('section', { class: 'phone-bar', 'aria-label': 'The selected demand and your answer' }, outcome, selected, choices),
    ),
  );
  draw();

  const stop = place.onChange(draw);
  const stopRunning = place.run?.();
  const timer = window.setInterval(drawClock, 250);
  const onKey = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    // P and S work a solo game's clock; a class's clock is the trainer's, so it has no keys here.
    if (controls?.key(event)) {
      event.preventDefault();
      return;
    }
    const index = ['1', '2', '3', '4'].indexOf(event.key);
    if (index >= 0) void decide(DECISIONS[index] as Decision);
    else if (event.key === 'ArrowDown' || event.key === 'ArrowRight') moveSelection(1);
    else if (event.key === 'ArrowUp' || event.key === 'ArrowLeft') moveSelection(-1);
    else return;
    event.preventDefault();
  };
  document.addEventListener('keydown', onKey);
  const view = play.view();
  const seatText = play.seatLabel() ?? `Solo practice, ${scenario.name}`;
  const clockKeys = solo ? ' Pause and speed are under the figures; P pauses, S changes the speed.' : '';
  announceScreen(
    `Operations, round ${view.round} of ${view.rounds}. ${seatText}. Tap a waiting demand, then one of the four answers at the bottom; keys 1 to 4 answer, arrows choose a card.${clockKeys}`,
  );
  logEntry(`Round ${view.round} begins.`);
  return () => {
    stopRunning?.();
    stop();
    window.clearInterval(timer);
    document.removeEventListener('keydown', onKey);
  };
};
