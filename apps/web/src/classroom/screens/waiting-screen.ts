import { h } from '../dom';
import type { ScreenRenderer } from '../router';

export const waitingScreen: ScreenRenderer = ({ root }) => {
  root.append(h('section', { class: 'screen' }, h('h1', {}, 'waiting')));
  return undefined;
};
