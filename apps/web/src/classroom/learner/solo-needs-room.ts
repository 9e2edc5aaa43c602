import { h } from '../dom';
import type { ScreenRenderer } from '../screen-types';
import './learner.css';

/**
 * What a phone shows instead of a solo game. The solo screens are the 1600×900 canvas, which a
 * phone shrinks until its text is a few pixels high; a class's board and planning have touch
 * layouts of their own, so joining a class is what a phone does well.
 */
export const soloNeedsRoomScreen: ScreenRenderer = ({ root, go, announce, nav }) => {
  const backToTitle = (): void => nav.toTitle();
  root.append(
    h(
      'section',
      { class: 'screen learner-screen' },
      h(
        'div',
        { class: 'panel learner-card' },
        h('h1', {}, 'Solo practice needs a bigger screen'),
        h(
          'p',
          {},
          'The solo game is drawn for a screen at least 1024 pixels wide and 600 high: a laptop or desktop, or a tablet held sideways. On this screen its text would be too small to read.',
        ),
        h('p', {}, 'On a phone you can join a class: its board and planning are made for touch, upright or sideways.'),
        h(
          'div',
          { class: 'actions' },
          h('button', { type: 'button', class: 'primary', onclick: () => go('join') }, 'Join a class'),
          h('button', { type: 'button', onclick: backToTitle }, 'Back to title'),
        ),
      ),
    ),
  );
  const onKey = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') backToTitle();
  };
  document.addEventListener('keydown', onKey);
  announce('Solo practice needs a bigger screen: a laptop, or a tablet held sideways. On a phone, join a class instead.');
  return () => document.removeEventListener('keydown', onKey);
};
