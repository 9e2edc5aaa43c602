import type { CatalogScenario, ClientMessage, ServerMessage } from '@ttc/protocol';
import { announceStatus, logEntry } from '../../a11y/dom-mirror';
import { plainKey, typingInField } from '../../ui/keys';
import { fill, h } from '../dom';
import type { ScreenRenderer } from '../screen-types';
import { dashboardTable } from '../trainer/dashboard-table';
import { type FeedMessage, feedItem, plansInText, teamLabel } from '../trainer/feed';
import { nextRoundWarning, teamsStillPlanning } from '../trainer/next-round';
import { loadScenarioCatalog } from '../trainer/scenario-catalog';
import { clockSummary, countdownText, currentHour, msLeftInRound, paceText, speedChoices } from '../trainer/session-clock';
import { followSessionEnd } from '../trainer/session-end';
import { trainerSession } from '../trainer/trainer-session';
import '../trainer/trainer.css';

type Session = Extract<ServerMessage, { type: 'session' }>;

/** The state the status region speaks about: it changes with these, not with every hour. */
function stateKey(session: Session): string {
  return `${session.status}|${session.paused}|${session.phase}|${session.round}`;
}

/**
 * The trainer's console during play: the clock and its controls, the live dashboard of every
 * team, events to inject, and a feed of what the teams decide.
 */
export const consoleScreen: ScreenRenderer = ({ root, connection, go, announce }) => {
  const shared = trainerSession(connection);
  let closed = false;
  let scenario: CatalogScenario | undefined;
  let spokenState = '';
  let spokenPlans = '';
  let confirmingEnd = false;
  /** Starting the next round while teams still plan waits for a "Yes". */
  let confirmingNext = false;

  const clockLine = h('p', { class: 'console-clock', id: 'console-clock' });
  const countdown = h('p', { class: 'console-countdown', id: 'console-countdown', 'aria-label': 'Time left in the round' });
  const runButton = h('button', { type: 'button', class: 'primary console-run', onclick: () => void toggleRun() });
  const speed = h('select', { id: 'console-speed', 'aria-describedby': 'console-speed-keys' });
  const nextRound = h('button', { type: 'button', onclick: () => void startNextRound() }, 'Start next round', h('kbd', {}, 'N'));
  const nextArea = h('div', { class: 'console-next' }, nextRound);
  const plans = h('p', { class: 'console-plans', id: 'console-plans' });
  const controlError = h('p', { class: 'error-text', role: 'alert' });
  const dashboard = h('div', { class: 'console-dashboard' });
  const feedList = h('ol', { class: 'console-feed', 'aria-label': 'Recent decisions and events' });
  const target = h('select', { id: 'inject-target' });
  const eventSelect = h('select', { id: 'inject-event', 'aria-describedby': 'inject-about' });
  const eventAbout = h('p', { class: 'muted inject-about', id: 'inject-about' });
  const injectButton = h('button', { type: 'submit' }, 'Inject event');
  const injectResult = h('p', { class: 'inject-result', role: 'alert' });
  const endArea = h('div', { class: 'console-end' });

  const session = () => connection.latest('session');

  const send = async (message: ClientMessage, what: string): Promise<boolean> => {
    const reply = await connection.send(message);
    if (closed) return false;
    controlError.textContent = reply.ok ? '' : `${what}: ${reply.error.message}`;
    return reply.ok;
  };

  const toggleRun = async () => {
    const current = session();
    if (!current || current.status === 'ended') return;
    if (current.status === 'lobby') await send({ type: 'start' }, 'Could not start');
    else if (current.phase === 'planning') return;
    else if (current.paused) await send({ type: 'resume' }, 'Could not resume');
    else await send({ type: 'pause' }, 'Could not pause');
  };

  const setSpeed = async (tickMs: number) => {
    if (await send({ type: 'setSpeed', tickMs }, 'Could not change the pace')) announceStatus(`Pace: ${paceText(tickMs)}.`);
  };

  const stepSpeed = (direction: 1 | -1) => {
    const current = session();
    if (!current) return;
    const choices = speedChoices(current.tickMs);
    const index = choices.indexOf(current.tickMs) + direction;
    const next = choices[index];
    if (next !== undefined) void setSpeed(next);
  };

  const startNextRound = async (confirmed = false) => {
    const current = session();
    if (current?.phase !== 'planning') return;
    const warning = nextRoundWarning(teamsStillPlanning(connection.latest('dashboard')?.teams ?? []), current.round + 1);
    if (warning && !confirmed) {
      setConfirmingNext(true);
      return;
    }
    setConfirmingNext(false);
    await send({ type: 'nextRound' }, 'Could not start the next round');
  };

  /** The question before a round starts without every team's plan: which teams, and Yes or Wait. */
  const drawNext = () => {
    const current = session();
    const warning =
      current?.phase === 'planning'
        ? nextRoundWarning(teamsStillPlanning(connection.latest('dashboard')?.teams ?? []), current.round + 1)
        : undefined;
    if (!warning) confirmingNext = false;
    fill(
      nextArea,
      confirmingNext && warning
        ? h(
            'span',
            { class: 'console-confirm', role: 'group', 'aria-label': 'Start the next round?' },
            h('span', { class: 'console-next-warning' }, warning),
            h(
              'button',
              { type: 'button', class: 'danger', onclick: () => void startNextRound(true) },
              `Yes, start round ${(current?.round ?? 0) + 1}`,
            ),
            h('button', { type: 'button', onclick: () => setConfirmingNext(false) }, 'Wait', h('kbd', {}, 'Esc')),
          )
        : nextRound,
    );
  };

  const setConfirmingNext = (value: boolean) => {
    const was = confirmingNext;
    confirmingNext = value;
    drawNext();
    if (value && !was) {
      nextArea.querySelector<HTMLElement>('button.danger')?.focus();
      announceStatus(nextArea.querySelector('.console-next-warning')?.textContent ?? '');
    } else if (!value && was) nextRound.focus();
  };

  const inject = async (event: Event) => {
    event.preventDefault();
    const chosen = scenario?.events.find((candidate) => candidate.id === eventSelect.value);
    if (!chosen) return;
    const to = target.value === 'all' ? 'all' : Number(target.value);
    injectButton.disabled = true;
    const reply = await connection.send({ type: 'injectEvent', target: to, eventId: chosen.id });
    if (closed) return;
    injectButton.disabled = false;
    const where = to === 'all' ? 'all teams' : teamLabel(to);
    if (reply.ok) {
      const text = `Event injected: ${chosen.name} into ${where}.`;
      injectResult.className = 'inject-result good';
      injectResult.textContent = text;
      announceStatus(text);
      logEntry(text);
    } else {
      injectResult.className = 'inject-result error-text';
      injectResult.textContent = `Could not inject ${chosen.name}: ${reply.error.message}`;
    }
  };

  const endSession = async () => {
    if (await send({ type: 'end' }, 'Could not end the session')) go('class-debrief');
  };

  const drawEnd = () => {
    fill(
      endArea,
      confirmingEnd
        ? h(
            'span',
            { class: 'console-confirm', role: 'group', 'aria-label': 'End the session?' },
            'End the session for everyone?',
            h('button', { type: 'button', class: 'danger', onclick: () => void endSession() }, 'Yes, end the session'),
            h('button', { type: 'button', onclick: () => setConfirmingEnd(false) }, 'Cancel', h('kbd', {}, 'Esc')),
          )
        : h('button', { type: 'button', class: 'danger', onclick: () => setConfirmingEnd(true) }, 'End session…'),
    );
  };

  const setConfirmingEnd = (value: boolean) => {
    confirmingEnd = value;
    drawEnd();
    endArea.querySelector<HTMLElement>(value ? 'button.danger' : 'button')?.focus();
  };

  const drawClock = () => {
    const current = session();
    if (!current) {
      clockLine.textContent = 'Waiting for the server…';
      countdown.textContent = '';
      return;
    }
    const left = msLeftInRound(current, performance.now() - shared.sessionReceivedAt);
    if (current.status === 'running' && current.phase === 'operations') {
      countdown.textContent = `${countdownText(left)} left`;
      countdown.classList.toggle('paused', current.paused);
    } else countdown.textContent = current.phase === 'planning' ? 'Planning' : '';
  };

  const committedCount = () => (connection.latest('dashboard')?.teams ?? []).filter((team) => team.planCommitted).length;

  const drawSession = () => {
    const current = session();
    if (!current) return;
    const planning = current.status === 'running' && current.phase === 'planning';
    clockLine.textContent =
      current.status === 'running' && current.phase === 'operations'
        ? `Round ${current.round} of ${current.rounds} · Hour ${currentHour(current)} of ${current.ticksPerRound}${current.paused ? ' · Paused' : ''}`
        : planning
          ? `Round ${current.round} of ${current.rounds} done · Teams plan the next one`
          : clockSummary(current);
    const label = current.status === 'lobby' ? 'Start' : current.paused && !planning ? 'Resume' : 'Pause';
    fill(runButton, label, h('kbd', {}, 'Space'));
    runButton.disabled = current.status === 'ended' || planning;
    nextRound.disabled = !planning;
    plans.textContent = planning ? plansInText(committedCount(), current.teamCount) : '';
    // Pace: the usual choices, and this session's own if it is different.
    if (speed.dataset.tickMs !== String(current.tickMs)) {
      speed.dataset.tickMs = String(current.tickMs);
      fill(
        speed,
        speedChoices(current.tickMs).map((tickMs) => h('option', { value: tickMs, selected: tickMs === current.tickMs }, paceText(tickMs))),
      );
    }
    if (target.options.length !== current.teamCount + 1)
      fill(
        target,
        h('option', { value: 'all' }, 'All teams'),
        Array.from({ length: current.teamCount }, (_, team) => h('option', { value: team }, teamLabel(team))),
      );
    const key = stateKey(current);
    const plansText = planning ? plansInText(committedCount(), current.teamCount) : '';
    if (key !== spokenState || plansText !== spokenPlans) {
      spokenState = key;
      spokenPlans = plansText;
      announceStatus(`${clockSummary(current)}.${plansText ? ` ${plansText}` : ''}`);
    }
    drawClock();
  };

  const drawDashboard = () => {
    const rows = connection.latest('dashboard')?.teams ?? [];
    const planning = session()?.phase === 'planning';
    fill(
      dashboard,
      rows.length > 0
        ? dashboardTable(rows, shared.history, scenario?.currency ?? 'EUR', planning)
        : h('p', { class: 'muted' }, 'Waiting for the first figures…'),
    );
  };

  const drawFeed = () => {
    const recent = shared.feed.slice(-14).reverse();
    fill(
      feedList,
      recent.length > 0
        ? recent.map((item) => h('li', { class: `feed-${item.kind}` }, item.text))
        : h('li', { class: 'muted' }, 'Decisions and events appear here as they happen.'),
    );
  };

  const drawEvents = () => {
    if (!scenario) return;
    fill(
      eventSelect,
      scenario.events.map((item) => h('option', { value: item.id }, item.name)),
    );
    describeEvent();
  };

  const describeEvent = () => {
    eventAbout.textContent = scenario?.events.find((item) => item.id === eventSelect.value)?.description ?? '';
  };

  root.append(
    h(
      'section',
      { class: 'screen console-screen', 'aria-labelledby': 'console-title' },
      h(
        'header',
        { class: 'topbar console-top' },
        h('h1', { id: 'console-title' }, 'Class console'),
        clockLine,
        countdown,
        h('button', { type: 'button', onclick: () => go('projector') }, 'Projector view', h('kbd', {}, 'P')),
        h('button', { type: 'button', onclick: () => go('lobby') }, 'Teams', h('kbd', {}, 'T')),
        endArea,
      ),
      h(
        'div',
        { class: 'panel console-controls row' },
        runButton,
        h('label', { for: 'console-speed', class: 'inline' }, 'Pace', speed),
        h('span', { class: 'muted', id: 'console-speed-keys' }, h('kbd', {}, '−'), ' ', h('kbd', {}, '+')),
        nextArea,
        plans,
        controlError,
      ),
      h(
        'div',
        { class: 'console-body' },
        h(
          'section',
          { class: 'panel console-teams', 'aria-labelledby': 'dashboard-title' },
          h('h2', { id: 'dashboard-title' }, 'Teams'),
          dashboard,
        ),
        h(
          'div',
          { class: 'console-side' },
          h(
            'form',
            { class: 'panel console-inject', 'aria-labelledby': 'inject-title', onsubmit: (event: Event) => void inject(event) },
            h('h2', { id: 'inject-title' }, 'Inject an event ', h('kbd', {}, 'E')),
            h('label', { for: 'inject-event' }, 'Event', eventSelect),
            eventAbout,
            h('div', { class: 'row inject-go' }, h('label', { for: 'inject-target', class: 'inline' }, 'Into', target), injectButton),
            injectResult,
          ),
          h(
            'section',
            { class: 'panel console-feed-panel', 'aria-labelledby': 'feed-title' },
            h('h2', { id: 'feed-title' }, 'Live feed'),
            feedList,
          ),
        ),
      ),
    ),
  );

  speed.addEventListener('change', () => void setSpeed(Number(speed.value)));
  eventSelect.addEventListener('change', describeEvent);
  drawEnd();
  drawSession();
  drawDashboard();
  drawFeed();

  void loadScenarioCatalog()
    .then((catalog) => {
      if (closed) return;
      scenario = catalog.find((item) => item.id === session()?.scenarioId);
      if (!scenario) eventAbout.textContent = 'This scenario has no events to inject.';
      drawEvents();
      drawDashboard();
    })
    .catch((error: unknown) => {
      if (!closed) eventAbout.textContent = `The events could not be loaded: ${error instanceof Error ? error.message : 'no answer'}.`;
    });
  // After a reload the sparklines and the feed would start from now; the session's log has the hours before.
  void shared.rebuildHistory().then((rebuilt) => {
    if (!rebuilt || closed) return;
    drawDashboard();
    drawFeed();
  });

  const stopMessages = connection.onMessage((message) => {
    if (message.type === 'session') {
      drawSession();
      drawNext();
    } else if (message.type === 'dashboard') {
      drawDashboard();
      drawSession();
      drawNext();
    } else if (message.type === 'decided' || message.type === 'planCommitted' || message.type === 'eventStarted') {
      logEntry(feedItem(message as FeedMessage).text);
      drawFeed();
    }
  });
  const stopEnd = followSessionEnd(connection, go);
  const timer = window.setInterval(drawClock, 250);

  const onKey = (event: KeyboardEvent) => {
    if (!plainKey(event)) return;
    if (event.key === 'Escape' && (confirmingEnd || confirmingNext)) {
      if (confirmingEnd) setConfirmingEnd(false);
      else setConfirmingNext(false);
      event.preventDefault();
      return;
    }
    if (typingInField(event)) return;
    // Space on a focused button presses that button; the shortcut is for everywhere else.
    if (event.key === ' ' && event.target instanceof HTMLButtonElement) return;
    const key = event.key.toLowerCase();
    if (key === ' ') void toggleRun();
    else if (key === 'n') void startNextRound();
    else if (key === 'p') go('projector');
    else if (key === 't') go('lobby');
    else if (key === 'e') eventSelect.focus();
    else if (key === '+' || key === '=') stepSpeed(-1);
    else if (key === '-' || key === '−') stepSpeed(1);
    else return;
    event.preventDefault();
  };
  document.addEventListener('keydown', onKey);
  announce(
    'Class console. Keys: Space start, pause or resume; N start the next round; plus and minus change the pace; E inject an event; P projector view; T teams.',
  );

  return () => {
    closed = true;
    stopMessages();
    stopEnd();
    window.clearInterval(timer);
    document.removeEventListener('keydown', onKey);
  };
};
