import { h } from '../dom';
import type { ScreenRenderer } from '../router';

export const lobbyScreen: ScreenRenderer = ({ root }) => {
  root.append(h('section', { class: 'screen' }, h('h1', {}, 'lobby')));
  return undefined;
};
