import { gameLogOf, stateHash } from '@ttc/sim';
import { announceStatus, logEntry } from '../a11y/dom-mirror';
import { soloReplayFileName, soloReplayFileText } from '../view-model/solo-replay-file';
import type { SoloRecord } from './solo-record';

/**
 * Saves a solo game as a replay file a trainer can open: every accepted command and the final
 * state hash. Loaded only when asked for, so the game's first download stays small.
 */
export function downloadSoloReplay(session: SoloRecord): string {
  const log = gameLogOf(session.game, [...session.commands], stateHash(session.game.state));
  const name = soloReplayFileName(session.game.scenario.id, session.settings.seed);
  const url = URL.createObjectURL(new Blob([soloReplayFileText(log)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser holds the file once the click is handled; the address can go a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  announceStatus(`Replay file saved: ${name}.`);
  logEntry(`Replay file saved as ${name}: send it to your trainer, who opens it under Past classes and replays.`);
  return name;
}
