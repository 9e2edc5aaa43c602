import { isLoopbackUrl, type ServerMessage, spacedJoinCode } from '@ttc/protocol';
import QRCode from 'qrcode';
import { announceStatus, logEntry } from '../../a11y/dom-mirror';
import { plainKey, typingInField } from '../../ui/keys';
import { consoleLink, loadFacilitator } from '../credentials';
import { fill, h } from '../dom';
import type { ScreenRenderer } from '../screen-types';
import { teamLabel } from '../trainer/feed';
import { lanNote } from '../trainer/lan-note';
import { followSessionEnd } from '../trainer/session-end';
import { balanceMoves, isBalanced, teamSizes } from '../trainer/team-balance';
import { trainerSession } from '../trainer/trainer-session';
import '../trainer/trainer.css';

type Lobby = Extract<ServerMessage, { type: 'lobby' }>;
type LobbyPlayer = Lobby['players'][number];

/** The join link's QR code as an SVG element (white background, so phones can read it). */
async function qrCode(url: string): Promise<SVGElement | undefined> {
  const markup = await QRCode.toString(url, { type: 'svg', margin: 1, color: { dark: '#000000', light: '#ffffff' } });
  const parsed = new DOMParser().parseFromString(markup, 'image/svg+xml').documentElement;
  if (!(parsed instanceof SVGElement)) return undefined;
  parsed.setAttribute('role', 'img');
  parsed.setAttribute('aria-label', `QR code of the join link ${url}`);
  return document.importNode(parsed, true);
}

/**
 * The lobby, made for the projector: how to join in large type, and the learners appearing by
 * team as they join. The trainer moves, removes and balances learners, then starts.
 */
export const lobbyScreen: ScreenRenderer = ({ root, connection, go, announce, nav }) => {
  trainerSession(connection);
  const credentials = loadFacilitator();
  const joinCode = credentials?.joinCode ?? '';
  // A join link on localhost opens on this computer only: the link and QR code use the machine's
  // address on the network instead, and the lobby says why.
  const local = isLoopbackUrl(credentials?.joinUrl ?? '');
  const lanUrls = credentials?.lanJoinUrls ?? [];
  const joinUrl = (local ? lanUrls[0] : undefined) ?? credentials?.joinUrl ?? '';
  let closed = false;
  /** The learner whose removal waits for a "Yes". */
  let confirmingRemoval: string | undefined;
  let known = new Map<string, LobbyPlayer>();
  let first = true;

  const qr = h('div', { class: 'lobby-qr' });
  const teamsPanel = h('div', { class: 'lobby-teams', id: 'lobby-teams' });
  const headcount = h('p', { class: 'lobby-headcount', id: 'lobby-headcount' });
  const actionError = h('p', { class: 'error-text', role: 'alert' });
  const balance = h('button', { type: 'button', onclick: () => void balanceTeams() }, 'Balance teams', h('kbd', {}, 'B'));
  const start = h(
    'button',
    { type: 'button', class: 'primary', onclick: () => void startSession() },
    'Start the session',
    h('kbd', {}, 'S'),
  );

  const session = () => connection.latest('session');
  const lobby = () => connection.latest('lobby');
  const running = () => session()?.status === 'running';

  const send = async (message: Parameters<typeof connection.send>[0], what: string): Promise<boolean> => {
    const reply = await connection.send(message);
    if (closed) return false;
    actionError.textContent = reply.ok ? '' : `${what}: ${reply.error.message}`;
    return reply.ok;
  };

  const movePlayer = async (player: LobbyPlayer, team: number) => {
    if (await send({ type: 'movePlayer', playerId: player.id, team }, `Could not move ${player.name}`))
      announceStatus(`${player.name} moved to ${teamLabel(team)}.`);
  };

  const removePlayer = async (player: LobbyPlayer) => {
    confirmingRemoval = undefined;
    if (await send({ type: 'removePlayer', playerId: player.id }, `Could not remove ${player.name}`))
      announceStatus(`${player.name} was removed.`);
    else draw();
  };

  const balanceTeams = async () => {
    const players = lobby()?.players ?? [];
    const teamCount = session()?.teamCount ?? 0;
    const moves = balanceMoves(players, teamCount);
    if (moves.length === 0) {
      announceStatus('The teams are already balanced.');
      return;
    }
    for (const move of moves)
      if (!(await send({ type: 'movePlayer', playerId: move.playerId, team: move.to }, 'Could not balance the teams'))) return;
    announceStatus(`Teams balanced: ${moves.length} ${moves.length === 1 ? 'learner' : 'learners'} moved.`);
  };

  const startSession = async () => {
    if (running()) {
      go('console');
      return;
    }
    start.disabled = true;
    const ok = await send({ type: 'start' }, 'Could not start');
    if (closed) return;
    start.disabled = false;
    if (ok) {
      announceStatus('Session started.');
      go('console');
    }
  };

  const playerItem = (player: LobbyPlayer, teamCount: number) => {
    const select = h(
      'select',
      { 'aria-label': `Team for ${player.name}`, class: 'lobby-move' },
      Array.from({ length: teamCount }, (_, team) => h('option', { value: team, selected: team === player.team }, teamLabel(team))),
    );
    select.addEventListener('change', () => void movePlayer(player, Number(select.value)));
    const removal =
      confirmingRemoval === player.id
        ? h(
            'span',
            { class: 'lobby-confirm', role: 'group', 'aria-label': `Remove ${player.name}?` },
            `Remove ${player.name}?`,
            h('button', { type: 'button', class: 'danger', onclick: () => void removePlayer(player) }, 'Yes, remove'),
            h(
              'button',
              {
                type: 'button',
                onclick: () => {
                  confirmingRemoval = undefined;
                  draw();
                },
              },
              'Keep',
            ),
          )
        : h(
            'button',
            {
              type: 'button',
              class: 'lobby-remove',
              'aria-label': `Remove ${player.name}`,
              title: `Remove ${player.name}`,
              onclick: () => {
                confirmingRemoval = player.id;
                draw();
                root.querySelector<HTMLElement>('.lobby-confirm button')?.focus();
              },
            },
            '✕',
          );
    return h(
      'li',
      { class: `lobby-player${player.connected ? '' : ' offline'}` },
      h('span', { class: 'lobby-name' }, player.name, !player.connected && h('span', { class: 'muted' }, ' (offline)')),
      select,
      removal,
    );
  };

  const draw = () => {
    const current = session();
    const players = lobby()?.players ?? [];
    const botTeams = new Set(lobby()?.botTeams ?? []);
    const teamCount = current?.teamCount ?? 0;
    const sizes = teamSizes(players, teamCount);
    const focusedLabel = document.activeElement?.getAttribute('aria-label');
    fill(
      teamsPanel,
      Array.from({ length: teamCount }, (_, team) => {
        const members = players.filter((player) => player.team === team);
        return h(
          'section',
          { class: 'lobby-team panel', 'aria-labelledby': `lobby-team-${team}` },
          h(
            'h3',
            { id: `lobby-team-${team}` },
            teamLabel(team),
            ' ',
            h('span', { class: 'muted lobby-count' }, (sizes[team] ?? 0) === 1 ? '1 learner' : `${sizes[team] ?? 0} learners`),
            botTeams.has(team) && h('span', { class: 'pill lobby-bot' }, 'bot plays'),
          ),
          members.length > 0
            ? h(
                'ul',
                { class: 'lobby-players' },
                members.map((player) => playerItem(player, teamCount)),
              )
            : h('p', { class: 'muted lobby-empty' }, botTeams.has(team) ? 'No one yet: a bot will play.' : 'No one yet.'),
        );
      }),
    );
    // Redrawing replaces the controls: keep the keyboard where it was.
    if (focusedLabel) root.querySelector<HTMLElement>(`[aria-label="${CSS.escape(focusedLabel)}"]`)?.focus();
    const count = players.length;
    headcount.textContent =
      count === 0 ? 'Waiting for learners to join…' : `${count} ${count === 1 ? 'learner' : 'learners'} in ${teamCount} teams`;
    balance.disabled = count === 0 || isBalanced(players, teamCount);
    fill(start, running() ? 'Back to the console' : 'Start the session', h('kbd', {}, 'S'));
  };

  const noteArrivals = (players: LobbyPlayer[]) => {
    const next = new Map(players.map((player) => [player.id, player]));
    if (!first) {
      for (const player of players) {
        const before = known.get(player.id);
        if (!before) logEntry(`${player.name} joined ${teamLabel(player.team)}.`);
        else if (before.team !== player.team) logEntry(`${player.name} is now in ${teamLabel(player.team)}.`);
      }
      for (const player of known.values()) if (!next.has(player.id)) logEntry(`${player.name} left the class.`);
    }
    // The headcount is said when it changes: a roster that only follows a move or a reconnect
    // must not talk over what the trainer just did ("Grace moved to Team 1.").
    const changed = first || players.length !== known.size;
    first = false;
    known = next;
    if (changed)
      announceStatus(
        players.length === 0
          ? 'Lobby: waiting for learners to join.'
          : `Lobby: ${players.length} ${players.length === 1 ? 'learner' : 'learners'} joined.`,
      );
  };

  const link = credentials ? consoleLink(credentials) : '';
  root.append(
    h(
      'section',
      { class: 'screen lobby-screen', 'aria-labelledby': 'lobby-title' },
      h(
        'header',
        { class: 'topbar' },
        h('h1', { id: 'lobby-title' }, 'Join the class'),
        headcount,
        balance,
        start,
        h(
          'button',
          { type: 'button', onclick: () => nav.toTitle(), title: 'The class keeps running; this browser can return to it' },
          'Leave',
        ),
      ),
      actionError,
      h(
        'div',
        { class: 'lobby-body' },
        h(
          'section',
          { class: 'lobby-join panel', 'aria-label': 'How to join' },
          h('p', { class: 'lobby-step' }, 'Open the game and choose “Join a class”, then type the code:'),
          h(
            'p',
            { class: 'lobby-code', 'aria-label': `Join code ${joinCode.split('').join(' ')}`, id: 'join-code' },
            spacedJoinCode(joinCode),
          ),
          h('p', { class: 'lobby-step' }, local && lanUrls.length === 0 ? 'or open the link:' : 'or open the link, or scan:'),
          h(
            'p',
            { class: 'lobby-link' },
            h('a', { href: joinUrl, target: '_blank', rel: 'noopener' }, joinUrl.replace(/^https?:\/\//, '')),
          ),
          !(local && lanUrls.length === 0) && qr,
          local && lanNote(lanUrls, credentials?.joinUrl ?? ''),
          h(
            'details',
            { class: 'lobby-console-link' },
            h('summary', {}, 'Open the console on another machine'),
            h(
              'p',
              { class: 'warn' },
              'This link holds the facilitator key: whoever has it controls the class. Do not show it on the projector.',
            ),
            h('input', {
              type: 'text',
              readonly: true,
              value: link,
              'aria-label': 'Console link with the facilitator key',
              class: 'lobby-key-link',
            }),
          ),
        ),
        h('section', { class: 'lobby-teams-wrap', 'aria-label': 'Teams' }, teamsPanel),
      ),
    ),
  );

  // A QR code of a localhost link would only mislead: without a network address there is none.
  if (joinUrl && !(local && lanUrls.length === 0))
    void qrCode(joinUrl).then((element) => {
      if (!closed && element) qr.append(element);
    });

  noteArrivals(lobby()?.players ?? []);
  draw();
  const stopMessages = connection.onMessage((message) => {
    if (message.type === 'lobby') {
      if (confirmingRemoval && !message.players.some((player) => player.id === confirmingRemoval)) confirmingRemoval = undefined;
      noteArrivals(message.players);
      draw();
    } else if (message.type === 'session') draw();
  });
  const stopEnd = followSessionEnd(connection, go);
  const onKey = (event: KeyboardEvent) => {
    if (typingInField(event) || !plainKey(event)) return;
    const key = event.key.toLowerCase();
    if (key === 's') void startSession();
    else if (key === 'b' && !balance.disabled) void balanceTeams();
    else if (key === 'escape' && confirmingRemoval) {
      confirmingRemoval = undefined;
      draw();
    } else return;
    event.preventDefault();
  };
  document.addEventListener('keydown', onKey);
  announce(
    `Lobby. Join code ${joinCode.split('').join(' ')}. Learners appear by team as they join. Keys: S start the session, B balance the teams.`,
  );

  return () => {
    closed = true;
    stopMessages();
    stopEnd();
    document.removeEventListener('keydown', onKey);
  };
};
