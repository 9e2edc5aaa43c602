import { type Checkpoint, gameSetupOfSessionLog, type ReplayBundle, type ReplayNote } from '@ttc/protocol';
import { type Command, type GameLog, type GameSetup, gameSetupOfLog, type Scenario } from '@ttc/sim';

/**
 * Whatever the viewer replays, in one shape: a class (with the facilitator key, or through a
 * read-only share link) or a solo game's file. The viewer draws only from this.
 */
export interface ReplaySource {
  access: 'facilitator' | 'share' | 'file';
  title: string;
  /** When it was played (ISO), when known. */
  playedAt: string | undefined;
  /** Whether the class had ended when it was loaded (a running class replays what happened so far). */
  ended: boolean;
  scenario: Scenario;
  setup: GameSetup;
  commands: Command[];
  /** Who sent each command: a player id, "bot", "clock", "facilitator" or "you". */
  actors: string[];
  players: { id: string; name: string }[];
  notes: ReplayNote[];
  checkpoints: Checkpoint[];
  /** For a class opened with the key: where notes and share links are written. */
  sessionId: string | undefined;
  key: string | undefined;
  /** A solo file's recorded final state hash (already checked when the file was read). */
  finalHash: string | undefined;
  /** The solo file's name. */
  fileName: string | undefined;
}

export function sourceOfBundle(bundle: ReplayBundle, scenario: Scenario, key: string | undefined): ReplaySource {
  const { log } = bundle;
  return {
    access: bundle.access,
    title: `${scenario.name} · class ${log.joinCode}`,
    playedAt: log.createdAt,
    ended: log.status === 'ended',
    scenario,
    setup: gameSetupOfSessionLog(log, scenario),
    commands: log.entries.map((entry) => entry.command),
    actors: log.entries.map((entry) => entry.actor),
    players: log.players.map(({ id, name }) => ({ id, name })),
    notes: bundle.notes,
    checkpoints: bundle.checkpoints,
    sessionId: bundle.access === 'facilitator' ? log.sessionId : undefined,
    key: bundle.access === 'facilitator' ? key : undefined,
    finalHash: undefined,
    fileName: undefined,
  };
}

export function sourceOfSoloFile(log: GameLog & { finalHash: string }, fileName: string): ReplaySource {
  return {
    access: 'file',
    title: `${log.scenario.name} · solo game, seed ${log.seed}`,
    playedAt: undefined,
    ended: true,
    scenario: log.scenario,
    setup: gameSetupOfLog(log),
    commands: log.commands,
    // A solo player made every choice; the clock let the rest lapse.
    actors: log.commands.map((command) => (command.type === 'tick' ? 'clock' : 'you')),
    players: [],
    notes: [],
    checkpoints: [],
    sessionId: undefined,
    key: undefined,
    finalHash: log.finalHash,
    fileName,
  };
}

/** The solo file the list screen read and checked, handed to the viewer it opens. */
let heldFile: ReplaySource | undefined;

export function holdSoloReplay(source: ReplaySource): void {
  heldFile = source;
}

export function heldSoloReplay(): ReplaySource | undefined {
  return heldFile;
}
