import type { ReplayBundle } from '@ttc/protocol';
import { announceStatus } from '../../a11y/dom-mirror';
import { loadHostedClasses } from '../credentials';
import { fill, h } from '../dom';
import { fetchFacilitatorReplay, fetchSharedReplay } from '../replay/replay-api';
import { heldSoloReplay, type ReplaySource, sourceOfBundle } from '../replay/replay-source';
import { replayViewer } from '../replay/replay-viewer';
import type { ScreenRenderer } from '../screen-types';
import '../replay/replay.css';

// Opens a replay from one of three places: a class this browser hosted (its key is kept here),
// a read-only share link (`/?replay=TOKEN`), or a solo game's file read on the list screen.

/** Lets the browser paint the waiting state before the replay holds the main thread. */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

export const replayScreen: ScreenRenderer = ({ root, params, go, announce, nav }) => {
  let closed = false;
  let stop: (() => void) | undefined;
  const fromShare = params.source === 'share';
  const leave = fromShare
    ? {
        label: 'Back to the title',
        go: () => {
          // The token leaves the address bar with the viewer.
          window.history.replaceState(null, '', window.location.pathname);
          nav.toTitle();
        },
      }
    : { label: 'Back to past classes', go: () => go('past-classes') };

  const body = h('div', { class: 'replay-loading panel' }, h('h1', {}, 'Replay'), h('p', {}, 'Loading the replay…'));
  const screen = h('section', { class: 'screen replay-viewer' }, body);
  root.append(screen);

  const showError = (message: string) => {
    fill(
      body,
      h('h1', {}, 'The replay could not be opened'),
      h('p', { class: 'error-text', role: 'alert' }, message),
      h('button', { type: 'button', class: 'primary', onclick: leave.go }, leave.label),
    );
    announceStatus(`The replay could not be opened: ${message}`);
    body.querySelector<HTMLElement>('button')?.focus();
  };

  const source = async (): Promise<ReplaySource> => {
    if (params.source === 'file') {
      const held = heldSoloReplay();
      if (!held) throw new Error('No replay file is open: choose it again on the past classes screen.');
      return held;
    }
    let bundle: ReplayBundle;
    let key: string | undefined;
    if (fromShare) bundle = await fetchSharedReplay(params.token ?? '');
    else {
      key = loadHostedClasses().find((item) => item.sessionId === params.sessionId)?.facilitatorKey;
      if (!key) throw new Error('This browser does not hold the key of that class.');
      bundle = await fetchFacilitatorReplay(params.sessionId ?? '', key);
    }
    const scenario = nav.scenarios().find((candidate) => candidate.id === bundle.log.scenarioId);
    if (!scenario) throw new Error(`The class was played on the scenario "${bundle.log.scenarioId}", which this server no longer offers.`);
    return sourceOfBundle(bundle, scenario, key);
  };

  const open = async () => {
    let loaded: ReplaySource;
    try {
      loaded = await source();
      if (closed) return;
      await nextPaint();
      if (closed) return;
      const viewer = replayViewer(loaded, leave);
      screen.replaceWith(viewer.element);
      stop = viewer.start();
      viewer.element.querySelector<HTMLElement>('h1')?.focus();
      const who = loaded.access === 'share' ? ' Read-only: notes show but cannot be edited.' : '';
      announce(
        `Replay of ${loaded.title}.${who} Space plays or pauses, S changes the speed, arrow keys step an hour, square brackets jump between key moments, comma and full stop between decisions, digits pick the team, Escape goes back.`,
      );
      announceStatus(`Replay ready: ${loaded.title}.`);
    } catch (error) {
      if (closed) return;
      showError(error instanceof Error ? error.message : 'The replay could not be built.');
    }
  };

  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !stop) {
      event.preventDefault();
      leave.go();
    }
  };
  document.addEventListener('keydown', onKey);
  void open();
  return () => {
    closed = true;
    stop?.();
    document.removeEventListener('keydown', onKey);
  };
};
