import { announceScreen, announceStatus, logEntry } from '../../a11y/dom-mirror';
import { newSoloGame } from '../../session/solo-session';
import { savePastGame } from '../../storage/past-games';
import { type DebriefRow, debriefModel } from '../../view-model/debrief-model';
import { pastGameOf, soloSummary } from '../../view-model/solo-summary';
import { h } from '../dom';
import type { ScreenRenderer } from '../screen-types';
import { finishedSoloGame, startSoloPhoneFlow } from './solo-phone-flow';
import './phone.css';
import './solo-phone.css';

/**
 * The end of a solo game on a phone: your three figures and balanced score, every benchmark
 * strategy on your seed (the laptop debrief's model, in words instead of charts), the lesson,
 * and the ways on. The game is added to past games, as the laptop's debrief does.
 */
export const soloPhoneEndScreen: ScreenRenderer = ({ root, go, nav }) => {
  const record = finishedSoloGame();
  if (!record) return undefined;
  const scenario = record.game.scenario;
  const model = debriefModel(record.game, record.decisions);
  savePastGame(pastGameOf(record, model.rows[0] as DebriefRow, new Date().toISOString()));
  const summary = soloSummary(model, scenario.currency);
  const again = () => startSoloPhoneFlow(newSoloGame({ ...record.settings, tutorial: false }), nav);

  root.append(
    h(
      'section',
      { class: 'screen phone-end', 'aria-labelledby': 'solo-end-title' },
      h('h1', { id: 'solo-end-title' }, 'Game over'),
      h('p', { class: 'muted' }, `${scenario.name} · seed ${record.settings.seed}`),
      h(
        'dl',
        { class: 'phone-end-figures' },
        summary.yours.map((figure) => h('div', {}, h('dt', {}, figure.label), h('dd', {}, figure.value))),
      ),
      h('h2', {}, 'The benchmarks on your seed'),
      h('p', {}, `${summary.rank} Every benchmark strategy played your exact customers.`),
      h(
        'ol',
        { class: 'phone-end-rows' },
        summary.rows.map((row) =>
          h(
            'li',
            { class: row.you ? 'you' : '' },
            h('p', { class: 'card-line' }, h('strong', {}, row.name), h('span', {}, row.score)),
            h('p', { class: 'muted' }, row.figures),
          ),
        ),
      ),
      h('h2', {}, 'The lesson'),
      h('p', {}, model.lesson),
      model.moments.length > 0 &&
        h(
          'details',
          { class: 'phone-more' },
          h('summary', {}, 'Three telling moments'),
          h(
            'ul',
            {},
            model.moments.map((moment) => h('li', {}, h('strong', {}, `${moment.when}: `), moment.text)),
          ),
        ),
      h(
        'div',
        { class: 'phone-end-actions' },
        h('button', { type: 'button', class: 'primary', onclick: again }, 'Play again (same seed)'),
        h('button', { type: 'button', onclick: () => go('solo-setup') }, 'New game'),
        h('button', { type: 'button', onclick: () => nav.toTitle() }, 'Back to title'),
      ),
    ),
  );
  const you = summary.yours.map((figure) => `${figure.label} ${figure.value}`).join(', ');
  announceStatus(`Game over. ${summary.rank} ${you}.`);
  announceScreen(`Game over. ${summary.rank} ${you}. Lesson: ${model.lesson} Play again, New game or Back to title are at the end.`);
  logEntry(`Game over: you placed ${model.rank} of ${model.rows.length}.`);
  return undefined;
};
