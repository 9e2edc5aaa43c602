import { type CatalogScenario, hostingInfoSchema } from '@ttc/protocol';
import { loadFacilitator, rememberHostedClass, saveFacilitator } from '../credentials';
import { fill, h } from '../dom';
import { callApi } from '../rest-client';
import type { ScreenRenderer } from '../screen-types';
import {
  HOST_DEFAULTS,
  type HostField,
  type HostFormValues,
  PACE_CHOICES,
  playTimeSummary,
  readHostForm,
  shortGameNote,
} from '../trainer/host-form';
import { loadScenarioCatalog } from '../trainer/scenario-catalog';
import '../trainer/trainer.css';

function hint(id: string, text: string): HTMLElement {
  return h('span', { class: 'field-hint', id }, text);
}

/**
 * The trainer's first screen: a short form whose defaults are good enough that hosting is one
 * press of Enter. Each field says what is wrong with it; the server's refusal shows below.
 */
export const hostScreen: ScreenRenderer = ({ root, connection, go, announce, nav }) => {
  let closed = false;
  let catalog: CatalogScenario[] = [];
  /** Enter was pressed before the scenarios arrived. */
  let hostWhenReady = false;

  const scenario = h('select', { id: 'host-scenario', name: 'scenario', 'aria-describedby': 'host-scenario-about host-scenario-error' });
  const scenarioAbout = h('p', { class: 'host-scenario-about', id: 'host-scenario-about' }, 'Loading the scenarios…');
  const number = (id: string, value: number, min: number, max: number) =>
    h('input', {
      id,
      type: 'number',
      inputmode: 'numeric',
      min,
      max,
      step: 1,
      value,
      required: true,
      'aria-describedby': `${id}-hint ${id}-error`,
    });
  const rounds = number('host-rounds', HOST_DEFAULTS.rounds, 1, 12);
  const hoursPerRound = number('host-hours', HOST_DEFAULTS.hoursPerRound, 4, 48);
  const teamCount = number('host-teams', HOST_DEFAULTS.teamCount, 1, 8);
  const pace = h(
    'select',
    { id: 'host-pace', 'aria-describedby': 'host-pace-hint host-pace-error' },
    PACE_CHOICES.map((seconds) =>
      h('option', { value: seconds, selected: seconds === HOST_DEFAULTS.secondsPerHour }, `${seconds} s per simulated hour`),
    ),
  );
  const bots = h('input', {
    id: 'host-bots',
    type: 'checkbox',
    checked: HOST_DEFAULTS.botsForEmptyTeams,
    'aria-describedby': 'host-bots-hint',
  });
  const seed = h('input', {
    id: 'host-seed',
    type: 'text',
    inputmode: 'numeric',
    autocomplete: 'off',
    placeholder: 'random',
    'aria-describedby': 'host-seed-hint host-seed-error',
  });
  // Shown when the server asks for a trainer passcode (GET /api/hosting, or a bad-passcode reply).
  let passcodeRequired = false;
  const passcode = h('input', {
    id: 'host-passcode',
    type: 'password',
    autocomplete: 'off',
    'aria-describedby': 'host-passcode-hint host-passcode-error',
  });
  const passcodeError = h('span', { class: 'error-text', id: 'host-passcode-error' });
  const passcodeField = h(
    'label',
    { for: 'host-passcode', class: 'host-passcode', hidden: true },
    'Trainer passcode',
    passcode,
    hint('host-passcode-hint', 'This server asks for it before a class is hosted: ask whoever runs it'),
    passcodeError,
  );
  const askForPasscode = (message = '') => {
    passcodeRequired = true;
    passcodeField.hidden = false;
    passcodeError.textContent = message;
    passcode.setAttribute('aria-invalid', String(message !== ''));
  };
  const summary = h('p', { class: 'host-summary', id: 'host-summary' });
  const serverError = h('p', { class: 'error-text', role: 'alert', id: 'host-error' });
  const submit = h(
    'button',
    { type: 'submit', class: 'primary host-submit', autofocus: true, disabled: true },
    'Host the class',
    h('kbd', {}, 'Enter'),
  );

  const errorSlots: Record<HostField, HTMLElement> = {
    scenarioId: h('span', { class: 'error-text', id: 'host-scenario-error' }),
    rounds: h('span', { class: 'error-text', id: 'host-rounds-error' }),
    hoursPerRound: h('span', { class: 'error-text', id: 'host-hours-error' }),
    teamCount: h('span', { class: 'error-text', id: 'host-teams-error' }),
    secondsPerHour: h('span', { class: 'error-text', id: 'host-pace-error' }),
    botsForEmptyTeams: h('span', { class: 'error-text' }),
    seed: h('span', { class: 'error-text', id: 'host-seed-error' }),
  };
  const inputs: Partial<Record<HostField, HTMLInputElement | HTMLSelectElement>> = {
    scenarioId: scenario,
    rounds,
    hoursPerRound,
    teamCount,
    secondsPerHour: pace,
    seed,
  };

  const values = (): HostFormValues => ({
    scenarioId: scenario.value,
    rounds: rounds.value,
    hoursPerRound: hoursPerRound.value,
    teamCount: teamCount.value,
    secondsPerHour: pace.value,
    botsForEmptyTeams: bots.checked,
    seed: seed.value,
  });

  /** Shows the errors of the fields; returns the settings when there are none. */
  const check = (showErrors: boolean) => {
    const result = readHostForm(values());
    for (const [field, slot] of Object.entries(errorSlots) as [HostField, HTMLElement][]) {
      const message = result.ok ? '' : (result.errors[field] ?? '');
      if (showErrors || message === '') slot.textContent = message;
      const input = inputs[field];
      if (input) input.setAttribute('aria-invalid', String(showErrors && message !== ''));
    }
    summary.textContent = result.ok ? [playTimeSummary(result.settings), shortGameNote(result.settings)].filter(Boolean).join(' ') : '';
    return result;
  };

  const describeScenario = () => {
    const chosen = catalog.find((candidate) => candidate.id === scenario.value);
    scenarioAbout.textContent = chosen ? chosen.description : '';
  };

  const host = async (event: Event) => {
    event.preventDefault();
    serverError.textContent = '';
    const result = check(true);
    if (!result.ok) {
      const first = (Object.keys(result.errors) as HostField[])[0];
      if (first) inputs[first]?.focus();
      return;
    }
    if (passcodeRequired && passcode.value === '') {
      askForPasscode('Enter the trainer passcode.');
      passcode.focus();
      return;
    }
    submit.disabled = true;
    fill(submit, 'Hosting…');
    const reply = await connection.send({
      type: 'host',
      settings: result.settings,
      ...(passcodeRequired ? { passcode: passcode.value } : {}),
    });
    if (closed) return;
    if (!reply.ok) {
      submit.disabled = false;
      fill(submit, 'Host the class', h('kbd', {}, 'Enter'));
      if (reply.error.code === 'bad-passcode') {
        askForPasscode(reply.error.message);
        passcode.select();
        passcode.focus();
        return;
      }
      serverError.textContent = `The class could not be hosted: ${reply.error.message}`;
      submit.focus();
      return;
    }
    const { sessionId, facilitatorKey, joinCode, joinUrl, lanJoinUrls } = reply;
    saveFacilitator({ sessionId, facilitatorKey, joinCode, joinUrl, lanJoinUrls });
    rememberHostedClass({ sessionId, facilitatorKey, joinCode });
    connection.remember({ type: 'attachFacilitator', sessionId, facilitatorKey });
    go('lobby');
  };

  const loadScenarios = async () => {
    scenarioAbout.textContent = 'Loading the scenarios…';
    try {
      catalog = await loadScenarioCatalog();
    } catch (error) {
      if (closed) return;
      fill(
        scenarioAbout,
        `The scenarios could not be loaded (${error instanceof Error ? error.message : 'no answer'}). `,
        h('button', { type: 'button', onclick: () => void loadScenarios() }, 'Try again'),
      );
      return;
    }
    if (closed) return;
    fill(
      scenario,
      catalog.map((item) => h('option', { value: item.id }, item.name)),
    );
    describeScenario();
    submit.disabled = catalog.length === 0;
    check(false);
    // The button was not ready when the screen opened: Enter (or a press made while loading) hosts now.
    if (!form.contains(document.activeElement)) submit.focus();
    if (hostWhenReady) form.requestSubmit();
  };

  /** Whether this server asks for a passcode; without an answer the form finds out when it hosts. */
  const loadHostingInfo = async () => {
    try {
      const info = await callApi('/api/hosting', hostingInfoSchema);
      if (!closed && info.passcodeRequired) askForPasscode();
    } catch {
      // The bad-passcode reply shows the field all the same.
    }
  };

  const running = loadFacilitator();
  const form = h(
    'form',
    {
      class: 'host-form panel',
      novalidate: true,
      onsubmit: (event: Event) => void host(event),
      oninput: (event: Event) => {
        if (event.target !== passcode) check(false);
        else if (passcodeError.textContent) askForPasscode();
      },
    },
    h(
      'div',
      { class: 'host-grid' },
      h(
        'div',
        { class: 'host-scenario' },
        h('label', { for: 'host-scenario' }, 'Scenario', scenario),
        scenarioAbout,
        errorSlots.scenarioId,
      ),
      h(
        'div',
        { class: 'host-fields' },
        h(
          'label',
          { for: 'host-rounds' },
          'Rounds',
          rounds,
          hint('host-rounds-hint', '1 to 12; planning between rounds'),
          errorSlots.rounds,
        ),
        h(
          'label',
          { for: 'host-hours' },
          'Hours per round',
          hoursPerRound,
          hint('host-hours-hint', 'Simulated hours of operations, 4 to 48'),
          errorSlots.hoursPerRound,
        ),
        h(
          'label',
          { for: 'host-teams' },
          'Teams',
          teamCount,
          hint('host-teams-hint', '1 to 8; learners are spread evenly as they join'),
          errorSlots.teamCount,
        ),
        h(
          'label',
          { for: 'host-pace' },
          'Pace',
          pace,
          hint('host-pace-hint', 'Real seconds per simulated hour; change it any time'),
          errorSlots.secondsPerHour,
        ),
        h(
          'label',
          { for: 'host-seed' },
          'Seed (optional)',
          seed,
          hint('host-seed-hint', 'The same seed replays the same customers'),
          errorSlots.seed,
        ),
        h(
          'div',
          { class: 'host-bots' },
          h('label', { for: 'host-bots', class: 'checkbox' }, bots, 'A bot plays teams nobody joins'),
          hint('host-bots-hint', 'So every team on the leaderboard has figures'),
        ),
        passcodeField,
      ),
    ),
    h('div', { class: 'row host-actions' }, submit, summary),
    serverError,
  );

  root.append(
    h(
      'section',
      { class: 'screen host-screen', 'aria-labelledby': 'host-title' },
      h(
        'header',
        { class: 'topbar' },
        h('h1', { id: 'host-title' }, 'Host a class'),
        h('button', { type: 'button', onclick: () => nav.toTitle() }, 'Back to the title', h('kbd', {}, 'Esc')),
      ),
      running &&
        h(
          'div',
          { class: 'panel row host-running' },
          h('span', {}, `This browser is running the class with join code ${running.joinCode || '(unknown)'}.`),
          h('button', { type: 'button', onclick: () => void nav.enterAsFacilitator(running) }, 'Return to that class'),
          h('span', { class: 'muted' }, 'Hosting a new class replaces it on this browser; the old one keeps running.'),
        ),
      form,
    ),
  );

  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      nav.toTitle();
    } else if (event.key === 'Enter' && !form.contains(event.target as Node) && !(event.target instanceof HTMLButtonElement)) {
      // Enter hosts, as the button says, wherever the focus is (a form field submits by itself).
      event.preventDefault();
      if (submit.disabled && catalog.length === 0) hostWhenReady = true;
      else form.requestSubmit();
    }
  };
  document.addEventListener('keydown', onKey);
  scenario.addEventListener('change', describeScenario);
  announce('Host a class. The defaults are ready: press Enter to host. Escape goes back to the title.');
  void loadScenarios();
  void loadHostingInfo();

  return () => {
    closed = true;
    document.removeEventListener('keydown', onKey);
  };
};
