import { h } from '../dom';
import type { ScreenRenderer } from '../router';

export const consoleScreen: ScreenRenderer = ({ root }) => {
  root.append(h('section', { class: 'screen' }, h('h1', {}, 'console')));
  return undefined;
};
