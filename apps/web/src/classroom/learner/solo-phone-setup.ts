import type { Scenario } from '@ttc/sim';
import { type GameLength, MAX_SEED, newSoloGame, randomSeed, type SoloSettings } from '../../session/solo-session';
import { h } from '../dom';
import type { ScreenRenderer } from '../screen-types';
import { finishedSoloGame, startSoloPhoneFlow } from './solo-phone-flow';
import { lengthText, parseSeed } from './solo-setup-fields';
import './learner.css';
import './phone.css';
import './solo-phone.css';

/**
 * Solo practice set up on a phone: the business, the length and the seed, as the desktop set-up
 * offers them (the same SoloSettings), in native fields a thumb and a screen reader know. The
 * guided first round walks through the laptop's screen, so a phone game starts without it.
 */
export const soloPhoneSetupScreen: ScreenRenderer = ({ root, announce, nav }) => {
  const scenarios = nav.scenarios();
  const previous = finishedSoloGame()?.settings;
  const scenarioSelect = h(
    'select',
    { id: 'solo-scenario', name: 'scenario', 'aria-describedby': 'solo-scenario-about' },
    scenarios.map((scenario) => h('option', { value: scenario.id, selected: scenario.id === previous?.scenario.id }, scenario.name)),
  );
  const about = h('p', { id: 'solo-scenario-about', class: 'field-hint' });
  const lengthSelect = h('select', { id: 'solo-length', name: 'length' });
  const seedInput = h('input', {
    id: 'solo-seed',
    name: 'seed',
    inputmode: 'numeric',
    autocomplete: 'off',
    value: String(randomSeed()),
    'aria-describedby': 'solo-seed-hint solo-seed-error',
  });
  const seedError = h('p', { id: 'solo-seed-error', class: 'error-text', 'aria-live': 'polite' });
  const feedback = h('input', { id: 'solo-feedback', type: 'checkbox', checked: previous?.feedback ?? true });
  const chosen = () => scenarios.find((scenario) => scenario.id === scenarioSelect.value) ?? (scenarios[0] as Scenario);

  const drawChoices = () => {
    const scenario = chosen();
    about.textContent = scenario.description;
    const length = (lengthSelect.value || previous?.length || 'short') as GameLength;
    lengthSelect.replaceChildren(
      ...(['short', 'full'] as GameLength[]).map((option) =>
        h('option', { value: option, selected: option === length }, lengthText(scenario, option)),
      ),
    );
  };

  const start = (event: Event) => {
    event.preventDefault();
    const seed = parseSeed(seedInput.value);
    if (seed === undefined) {
      seedError.textContent = `The seed is a whole number from 0 to ${MAX_SEED}.`;
      seedInput.setAttribute('aria-invalid', 'true');
      seedInput.focus();
      return;
    }
    const settings: SoloSettings = {
      scenario: chosen(),
      seed,
      length: lengthSelect.value as GameLength,
      feedback: feedback.checked,
      tutorial: false,
    };
    startSoloPhoneFlow(newSoloGame(settings), nav);
  };

  root.append(
    h(
      'section',
      { class: 'screen learner-screen solo-phone-setup' },
      h(
        'form',
        { class: 'panel learner-card', novalidate: true, onsubmit: start, 'aria-labelledby': 'solo-setup-title' },
        h('h1', { id: 'solo-setup-title' }, 'Solo practice'),
        h('p', { class: 'muted' }, 'Choose a business and how long to play. Two people with the same seed face the same customers.'),
        h('label', { for: 'solo-scenario' }, 'Business', scenarioSelect),
        about,
        h('label', { for: 'solo-length' }, 'Length', lengthSelect),
        h(
          'label',
          { for: 'solo-seed' },
          'Seed',
          seedInput,
          h('span', { class: 'field-hint', id: 'solo-seed-hint' }, 'Type another to replay a game; a new one is drawn each time'),
        ),
        seedError,
        h('label', { for: 'solo-feedback', class: 'checkbox' }, feedback, 'Explain each decision (feedback)'),
        h(
          'div',
          { class: 'actions' },
          h('button', { type: 'submit', class: 'primary' }, 'Start game'),
          h('button', { type: 'button', onclick: () => nav.toTitle() }, 'Back to title'),
        ),
      ),
    ),
  );
  scenarioSelect.addEventListener('change', drawChoices);
  drawChoices();
  const onKey = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') nav.toTitle();
  };
  document.addEventListener('keydown', onKey);
  announce('Solo set-up: choose a business, the length and the seed, then Start game. The game plays on this screen, by touch.');
  return () => document.removeEventListener('keydown', onKey);
};
