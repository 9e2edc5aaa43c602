import { JOIN_CODE_MAX_TYPED, normaliseJoinCode, spacedJoinCode } from '@ttc/protocol';
import { logEntry } from '../../a11y/dom-mirror';
import { loadPlayer, type PlayerCredentials, savePlayer } from '../credentials';
import { h } from '../dom';
import { checkJoinForm, type JoinProblems, joinRefusal, normaliseName } from '../learner/join-form';
import { soloOnPhoneSection } from '../learner/solo-phone-entry';
import type { ScreenRenderer } from '../screen-types';
import '../learner/learner.css';

/** A learner joins with the class's code (filled in from a join link) and a display name. */
export const joinScreen: ScreenRenderer = ({ root, connection, params, announce, nav, go }) => {
  const prefilled = spacedJoinCode(normaliseJoinCode(params.code ?? ''));
  const codeError = h('p', { id: 'join-code-error', class: 'error-text', 'aria-live': 'polite' });
  const nameError = h('p', { id: 'join-name-error', class: 'error-text', 'aria-live': 'polite' });
  const formError = h('p', { class: 'error-text', role: 'alert' });
  const codeInput = h('input', {
    id: 'join-code',
    name: 'code',
    class: 'join-code',
    value: prefilled,
    maxlength: JOIN_CODE_MAX_TYPED,
    autocomplete: 'off',
    autocapitalize: 'characters',
    spellcheck: 'false',
    'aria-describedby': 'join-code-hint join-code-error',
    autofocus: prefilled === '',
  });
  const nameInput = h('input', {
    id: 'join-name',
    name: 'name',
    maxlength: 30,
    autocomplete: 'nickname',
    'aria-describedby': 'join-name-hint join-name-error',
    autofocus: prefilled !== '',
  });
  const joinButton = h('button', { type: 'submit', class: 'primary' }, 'Join the class');

  const show = (problems: JoinProblems): void => {
    codeError.textContent = problems.code ?? '';
    nameError.textContent = problems.name ?? '';
    formError.textContent = problems.form ?? '';
    codeInput.setAttribute('aria-invalid', String(!!problems.code));
    nameInput.setAttribute('aria-invalid', String(!!problems.name));
    if (problems.code) codeInput.focus();
    else if (problems.name) nameInput.focus();
  };

  const enter = (credentials: PlayerCredentials, team: number): void => {
    savePlayer(credentials);
    connection.remember({ type: 'attach', token: credentials.token });
    logEntry(`You joined the class as ${credentials.name}, in Team ${team + 1}.`);
    nav.followAsLearner(credentials, team);
  };

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const code = codeInput.value;
    const name = nameInput.value;
    const problems = checkJoinForm(code, name);
    if (problems.code || problems.name) {
      show(problems);
      return;
    }
    show({});
    joinButton.disabled = true;
    joinButton.textContent = 'Joining…';
    const reply = await connection.send({ type: 'join', joinCode: normaliseJoinCode(code), name: normaliseName(name) });
    joinButton.disabled = false;
    joinButton.textContent = 'Join the class';
    if (!reply.ok) {
      show(joinRefusal(reply.error, name));
      return;
    }
    const { token, playerId, sessionId, team } = reply;
    enter({ sessionId, token, playerId, name: normaliseName(name) }, team);
  };

  const backToTitle = (): void => nav.toTitle();

  const saved = loadPlayer();
  const continueSeat = saved
    ? h(
        'section',
        { class: 'continue', 'aria-label': 'Your seat' },
        h('p', { class: 'muted' }, `This browser already has a seat in a class as ${saved.name}.`),
        h(
          'button',
          {
            type: 'button',
            onclick: () =>
              void nav.enterAsPlayer(saved).then((entered) => {
                if (!entered) show({ form: 'That seat no longer exists: join with the code and your name.' });
              }),
          },
          `Continue as ${saved.name}`,
        ),
      )
    : undefined;

  root.append(
    h(
      'section',
      { class: 'screen learner-screen' },
      h(
        'div',
        { class: 'panel learner-card' },
        h('h1', {}, 'Join a class'),
        h('p', { class: 'muted' }, 'Type the code your trainer shows on the projector, and the name your team will see.'),
        h(
          'form',
          { novalidate: true, onsubmit: (event: Event) => void submit(event) },
          h(
            'label',
            { for: 'join-code' },
            'Join code',
            h('span', { id: 'join-code-hint', class: 'field-hint' }, '6 letters and digits'),
            codeInput,
          ),
          codeError,
          h(
            'label',
            { for: 'join-name' },
            'Your name',
            h('span', { id: 'join-name-hint', class: 'field-hint' }, 'Up to 30 characters; it must differ from your classmates’'),
            nameInput,
          ),
          nameError,
          formError,
          h(
            'div',
            { class: 'actions' },
            joinButton,
            h('button', { type: 'button', onclick: backToTitle }, 'Back to title ', h('kbd', {}, 'Esc')),
          ),
        ),
        continueSeat,
        soloOnPhoneSection(nav, go),
      ),
    ),
  );

  const onKey = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') backToTitle();
  };
  document.addEventListener('keydown', onKey);
  announce(
    `Join a class. ${prefilled ? `Join code ${prefilled} is filled in; type your name` : 'Type the join code and your name'}, then press Enter. Escape goes back to the title.${saved ? ` Or continue as ${saved.name}.` : ''}`,
  );
  // The router focuses the heading; the field to type in next is more use to a learner.
  const focusTimer = setTimeout(() => (prefilled ? nameInput : codeInput).focus(), 0);
  return () => {
    clearTimeout(focusTimer);
    document.removeEventListener('keydown', onKey);
  };
};
