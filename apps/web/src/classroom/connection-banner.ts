import type { ClassroomConnection, ConnectionState } from './connection';

const TEXT: Record<ConnectionState, string> = {
  connecting: 'Connecting to the classroom server…',
  connected: '',
  reconnecting: 'Connection lost — reconnecting… Nothing you decided before this is lost.',
  refused: '',
};

/**
 * A banner across the top of the page while the connection is down: over the canvas and the
 * HTML screens alike. Announced to screen readers as an alert. Returns the function that removes it.
 */
export function showConnectionBanner(connection: ClassroomConnection): () => void {
  let banner = document.getElementById('connection-banner');
  if (!banner) {
    banner = document.createElement('div');
    banner.id = 'connection-banner';
    banner.setAttribute('role', 'alert');
    banner.style.cssText =
      'position:fixed;top:0;left:0;right:0;z-index:20;padding:0.6em 1em;background:#e69f00;color:#0f1b2d;font:700 18px system-ui,sans-serif;text-align:center';
    document.body.append(banner);
  }
  const element = banner;
  const update = (state: ConnectionState) => {
    const text = state === 'refused' ? connection.refusal || 'The server refused this seat.' : TEXT[state];
    element.textContent = text;
    element.hidden = text === '';
  };
  update(connection.state === 'connecting' ? 'connected' : connection.state);
  const stop = connection.onState(update);
  return () => {
    stop();
    element.hidden = true;
  };
}
