import { h } from '../dom';

// The lobby's note when the server's join link says "localhost": learners' devices cannot open
// it. With the machine's LAN addresses the lobby uses the first instead (and lists the others);
// without any, it says so and how to start the server so that they can.

/** Why the link is not "localhost", or what to do when no network address was found. */
export function lanNote(lanUrls: readonly string[], localUrl: string): HTMLElement {
  const port = (() => {
    try {
      return new URL(localUrl).port || '3000';
    } catch {
      return '3000';
    }
  })();
  const fix = h(
    'p',
    {},
    lanUrls.length === 0
      ? 'To give learners a link that opens, start the server with '
      : 'To keep one link for every class, start the server with ',
    h('code', {}, `PUBLIC_URL=http://<this computer's address>:${port}`),
    lanUrls.length === 0 ? ' (and HOST=0.0.0.0, the default).' : '.',
  );
  if (lanUrls.length === 0)
    return h(
      'div',
      { class: 'lobby-lan warn-box', role: 'note', id: 'lobby-lan' },
      h(
        'p',
        {},
        h('strong', {}, 'Learners’ devices cannot open this link: '),
        '“localhost” is this computer only. No network address was found for it: the server may listen on this computer only (HOST=127.0.0.1).',
      ),
      fix,
    );
  return h(
    'div',
    { class: 'lobby-lan', role: 'note', id: 'lobby-lan' },
    h('p', {}, '“localhost” opens on this computer only: the link and QR code above use its address on the network instead.'),
    lanUrls.length > 1 &&
      h(
        'p',
        {},
        'If it does not open, try: ',
        lanUrls
          .slice(1)
          .map((url) => url.replace(/^https?:\/\//, ''))
          .join(', '),
      ),
    fix,
  );
}
