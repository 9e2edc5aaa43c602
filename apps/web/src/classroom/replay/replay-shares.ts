import type { ShareLink } from '@ttc/protocol';
import { announceStatus } from '../../a11y/dom-mirror';
import { fill, h } from '../dom';
import { createShareLink, listShareLinks, revokeShareLink } from './replay-api';

// Read-only links to a class's replay, for the facilitator only. The server shows a link's
// address once, when it is made: it keeps only a hash of the token.

function dateText(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

export function sharesPanel(writer: { sessionId: string; key: string }, ended: boolean): HTMLElement {
  let links: ShareLink[] = [];
  /** The link whose revocation waits for a "Yes": revoking cannot be undone, whoever has it loses it. */
  let confirming: string | undefined;
  const created = h('div', { class: 'share-created', 'aria-live': 'polite' });
  const list = h('div', { class: 'share-list' });
  const error = h('p', { class: 'error-text', role: 'alert' });
  const failed = (doing: string, problem: unknown) => {
    error.textContent = `The link could not be ${doing}: ${problem instanceof Error ? problem.message : 'no answer'}`;
  };

  const draw = () => {
    if (links.length === 0) {
      fill(list, h('p', { class: 'muted' }, 'No link made yet.'));
      return;
    }
    fill(
      list,
      h(
        'table',
        { class: 'data' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Made'), h('th', { scope: 'col' }, 'State'), h('th', { scope: 'col' }, ''))),
        h(
          'tbody',
          {},
          links.map((link) =>
            h(
              'tr',
              {},
              h('td', {}, dateText(link.createdAt)),
              h(
                'td',
                { class: link.revokedAt ? 'muted' : 'good' },
                link.revokedAt ? `Revoked ${dateText(link.revokedAt)}` : 'Opens the replay',
              ),
              h('td', {}, !link.revokedAt && revokeControl(link)),
            ),
          ),
        ),
      ),
    );
  };

  const revokeControl = (link: ShareLink) => {
    const made = dateText(link.createdAt);
    if (confirming !== link.id)
      return h(
        'button',
        {
          type: 'button',
          class: 'danger',
          'aria-label': `Revoke the link made ${made}`,
          onclick: () => {
            confirming = link.id;
            draw();
            list.querySelector<HTMLElement>('.share-confirm button.danger')?.focus();
          },
        },
        'Revoke',
      );
    return h(
      'span',
      { class: 'share-confirm', role: 'group', 'aria-label': `Revoke the link made ${made}?` },
      h('span', {}, 'Whoever has it loses the replay. Revoke?'),
      h('button', { type: 'button', class: 'danger', onclick: () => void revoke(link) }, 'Yes, revoke'),
      h(
        'button',
        {
          type: 'button',
          onclick: () => {
            confirming = undefined;
            draw();
          },
        },
        'Keep it',
      ),
    );
  };

  const refresh = async () => {
    try {
      links = await listShareLinks(writer.sessionId, writer.key);
      draw();
    } catch (problem) {
      failed('listed', problem);
    }
  };

  const revoke = async (link: ShareLink) => {
    confirming = undefined;
    error.textContent = '';
    try {
      await revokeShareLink(writer.sessionId, writer.key, link.id);
      announceStatus('Share link revoked: it no longer opens the replay.');
      fill(created);
      await refresh();
    } catch (problem) {
      failed('revoked', problem);
    }
  };

  const create = async () => {
    error.textContent = '';
    try {
      const link = await createShareLink(writer.sessionId, writer.key);
      const field = h('input', { type: 'text', readonly: true, id: 'share-url', value: link.url, 'aria-label': 'The new share link' });
      const copy = async () => {
        field.select();
        try {
          await navigator.clipboard.writeText(link.url);
          announceStatus('Share link copied.');
        } catch {
          announceStatus('Copying was refused: the link is selected, copy it with Ctrl+C.');
        }
      };
      fill(
        created,
        h('p', {}, 'Copy the link now: it is shown only once.'),
        h(
          'div',
          { class: 'row share-url-row' },
          field,
          h('button', { type: 'button', class: 'primary', onclick: () => void copy() }, 'Copy link'),
        ),
      );
      announceStatus('Share link made. Copy it now: it is shown only once.');
      field.focus();
      field.select();
      await refresh();
    } catch (problem) {
      failed('made', problem);
    }
  };

  const element = h(
    'section',
    { class: 'panel replay-shares-panel', 'aria-labelledby': 'replay-shares-heading' },
    h('h2', { id: 'replay-shares-heading' }, 'Share links'),
    h(
      'p',
      { class: 'muted' },
      'A share link opens this replay read-only, without your key: notes show but cannot be changed.',
      ended ? '' : ' It opens once the class has ended.',
    ),
    h('button', { type: 'button', onclick: () => void create() }, 'Create a share link'),
    created,
    list,
    error,
  );
  void refresh();
  return element;
}
