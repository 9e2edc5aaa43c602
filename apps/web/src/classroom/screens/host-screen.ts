import { h } from '../dom';
import type { ScreenRenderer } from '../router';

export const hostScreen: ScreenRenderer = ({ root }) => {
  root.append(h('section', { class: 'screen' }, h('h1', {}, 'host')));
  return undefined;
};
