import { h } from '../dom';
import type { ScreenRenderer } from '../router';

export const projectorScreen: ScreenRenderer = ({ root }) => {
  root.append(h('section', { class: 'screen' }, h('h1', {}, 'projector')));
  return undefined;
};
