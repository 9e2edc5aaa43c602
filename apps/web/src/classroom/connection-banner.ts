import type { ClassroomConnection, ConnectionState } from './connection';
import './connection-banner.css';

const TEXT: Record<ConnectionState, string> = {
  connecting: 'Connecting to the classroom server…',
  connected: '',
  reconnecting: 'Connection lost — reconnecting… Nothing you decided before this is lost.',
  refused: '',
};

/** Moves the page below the banner (or back up), and lets the canvas fit itself to the room left. */
function makeRoom(banner: HTMLElement): void {
  const height = banner.hidden ? 0 : banner.getBoundingClientRect().height;
  document.documentElement.style.setProperty('--connection-banner', `${Math.ceil(height)}px`);
  window.dispatchEvent(new Event('resize'));
}

/**
 * A banner across the top of the page while the connection is down, over the canvas and the
 * HTML screens alike, in a strip of its own (connection-banner.css). Announced to screen readers
 * as an alert. Returns the function that removes it.
 */
export function showConnectionBanner(connection: ClassroomConnection): () => void {
  let banner = document.getElementById('connection-banner');
  if (!banner) {
    banner = document.createElement('div');
    banner.id = 'connection-banner';
    banner.setAttribute('role', 'alert');
    banner.hidden = true;
    document.body.append(banner);
  }
  const element = banner;
  const update = (state: ConnectionState) => {
    const text = state === 'refused' ? connection.refusal || 'The server refused this seat.' : TEXT[state];
    const hidden = text === '';
    if (element.textContent === text && element.hidden === hidden) return;
    element.textContent = text;
    element.hidden = hidden;
    makeRoom(element);
  };
  update(connection.state === 'connecting' ? 'connected' : connection.state);
  const stop = connection.onState(update);
  return () => {
    stop();
    element.hidden = true;
    makeRoom(element);
  };
}
