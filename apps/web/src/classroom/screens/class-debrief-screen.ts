import { h } from '../dom';
import type { ScreenRenderer } from '../router';

export const classDebriefScreen: ScreenRenderer = ({ root }) => {
  root.append(h('section', { class: 'screen' }, h('h1', {}, 'class-debrief')));
  return undefined;
};
