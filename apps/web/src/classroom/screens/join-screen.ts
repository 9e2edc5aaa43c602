import { h } from '../dom';
import type { ScreenRenderer } from '../router';

export const joinScreen: ScreenRenderer = ({ root }) => {
  root.append(h('section', { class: 'screen' }, h('h1', {}, 'join')));
  return undefined;
};
