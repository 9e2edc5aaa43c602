import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findScenario } from '@ttc/sim';
import { describe, expect, it } from 'vitest';
import { CliError } from './cli-error.js';
import { runCli } from './main.js';

const workDir = mkdtempSync(join(tmpdir(), 'ttc-cli-'));

function failure(argv: string[]): CliError {
  try {
    runCli(argv);
  } catch (error) {
    if (error instanceof CliError) return error;
    throw error;
  }
  throw new Error(`expected ${argv.join(' ')} to fail`);
}

describe('play', () => {
  it('--json prints the final figures with every documented field', () => {
    const result = JSON.parse(runCli(['play', '--scenario', 'office-supplies', '--seed', '4', '--policy', 'strategist', '--json']));
    expect(result).toMatchObject({ scenario: 'office-supplies', seed: 4, policy: 'strategist' });
    for (const field of ['profitCents', 'meanExhaustion', 'peakExhaustion', 'loyalty', 'reputation', 'staffLost', 'balancedScore']) {
      expect(typeof result[field]).toBe('number');
    }
    expect(Object.keys(result.decisions).sort()).toEqual(['accommodate', 'ignored', 'no', 'option', 'premium']);
    expect(result.stateHash).toMatch(/^[0-9a-f]{16}$/);
  });

  it('--rounds and --ticks play a shorter game; idle and the paced strategist are policies too', () => {
    const short = JSON.parse(
      runCli(['play', '--scenario', 'office-supplies', '--seed', '3', '--policy', 'idle', '--rounds', '2', '--ticks', '12', '--json']),
    );
    expect(short).toMatchObject({ policy: 'idle', rounds: 2, ticksPerRound: 12 });
    expect(short.decisions).toMatchObject({ accommodate: 0, premium: 0, option: 0, no: 0 });
    expect(short.decisions.ignored).toBeGreaterThan(20);
    const paced = JSON.parse(
      runCli(['play', '--scenario', 'office-supplies', '--seed', '3', '--policy', 'strategist-paced', '--rounds', '3', '--json']),
    );
    expect(paced).toMatchObject({ rounds: 3, ticksPerRound: 16 });
    expect(typeof paced.brokenPromises).toBe('number');
  });

  it('is deterministic: the same arguments print the same hash', () => {
    const argv = ['play', '--scenario', 'shoe-store', '--seed', '12', '--policy', 'random', '--json'];
    expect(JSON.parse(runCli(argv)).stateHash).toBe(JSON.parse(runCli(argv)).stateHash);
  });

  it('--log writes a log that replay re-simulates to the same hash', () => {
    const log = join(workDir, 'game.json');
    const played = JSON.parse(
      runCli(['play', '--scenario', 'boutique-hotel', '--seed', '8', '--policy', 'strategist', '--teams', '3', '--json', '--log', log]),
    );
    expect(played.teams).toHaveLength(3);
    const replayed = JSON.parse(runCli(['replay', '--log', log, '--json']));
    expect(replayed.stateHash).toBe(played.stateHash);
    expect(replayed.matches).toBe(true);
    expect(replayed.profitCents).toBe(played.profitCents);
  });

  it('plays a scenario file', () => {
    const file = join(workDir, 'mine.json');
    writeFileSync(file, JSON.stringify({ ...findScenario('office-supplies'), id: 'my-shop' }));
    expect(JSON.parse(runCli(['play', '--scenario', file, '--seed', '1', '--policy', 'always-no', '--json'])).scenario).toBe('my-shop');
  });
});

describe('balance', () => {
  it('--json has one result per scenario, seed and policy', () => {
    const { results } = JSON.parse(runCli(['balance', '--scenario', 'same-day-delivery', '--seeds', '3..5', '--json']));
    expect(results).toHaveLength(3 * 7);
    expect(new Set(results.map((run: { policy: string }) => run.policy))).toEqual(
      new Set(['always-accommodate', 'always-no', 'always-premium', 'random', 'idle', 'strategist', 'strategist-paced']),
    );
    expect(results[0]).toHaveProperty('balancedScore');
  });

  it('prints a table with win rates, the balance checks and the pace of cards', () => {
    const table = runCli(['balance', '--scenario', 'office-supplies', '--seeds', '1..2', '--rounds', '2', '--ticks', '12']);
    expect(table).toContain('2×12 (rounds × hours), 2 seeds');
    expect(table).toMatch(/^idle\s/m);
    expect(table).toMatch(/^strategist-paced\s/m);
    expect(table).toMatch(/wins/);
    expect(table).toMatch(/(ok|FAIL) {2,}strategist-paced leads the best naive benchmark by at least 8 points \(/);
    expect(table).toMatch(/Cards per hour: \d\.\d\d without options, \d\.\d\d with live options on rush-delivery/);
  });

  it('--json at a length carries that length, the checks and the pace', () => {
    const output = JSON.parse(
      runCli(['balance', '--scenario', 'shoe-store', '--seeds', '1..1', '--rounds', '3', '--ticks', '10', '--json']),
    );
    expect(output.results.every((run: { rounds: number; ticksPerRound: number }) => run.rounds === 3 && run.ticksPerRound === 10)).toBe(
      true,
    );
    expect(output.checks[0].scenario).toBe('shoe-store');
    expect(output.checks[0].checks.length).toBeGreaterThan(10);
    expect(output.pace[0].withoutOptions).toBeGreaterThan(output.pace[0].withOptions);
  });
});

describe('validate', () => {
  it('accepts a good scenario', () => {
    const file = join(workDir, 'good.json');
    writeFileSync(file, JSON.stringify(findScenario('shoe-store')));
    expect(runCli(['validate', file])).toContain('valid scenario "shoe-store"');
  });

  it('lists every problem and exits 1', () => {
    const file = join(workDir, 'bad.json');
    writeFileSync(file, JSON.stringify({ ...findScenario('shoe-store'), rounds: 0, currency: 'XYZ' }));
    const error = failure(['validate', file]);
    expect(error.exitCode).toBe(1);
    expect(error.message).toContain(`${file}: $.rounds: expected >= 1, found 0`);
    expect(error.message).toContain(`${file}: $.currency: expected one of "EUR", "USD", "GBP", found "XYZ"`);
  });
});

describe('bad arguments', () => {
  it.each([
    [['play', '--scenario', 'office-supplies', '--seed', 'abc', '--policy', 'strategist'], '--seed must be a whole number'],
    [['play', '--scenario', 'atlantis', '--seed', '1', '--policy', 'strategist'], 'unknown scenario "atlantis"'],
    [['play', '--scenario', 'office-supplies', '--seed', '1', '--policy', 'lazy'], 'unknown policy "lazy"'],
    [['play', '--scenario', 'office-supplies', '--seed', '1'], 'missing --policy'],
    [['balance', '--scenario', 'all', '--seeds', '9..3'], 'the last seed is before the first'],
    [['balance', '--scenario', 'all', '--seeds', '1..3', '--rounds', '0'], '--rounds must be from 1 to 20'],
    [
      ['play', '--scenario', 'office-supplies', '--seed', '1', '--policy', 'idle', '--ticks', 'x'],
      '--ticks must be a whole number from 4 to 48',
    ],
    [['replay', '--log', '/no/such/file.json'], 'cannot read /no/such/file.json'],
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['play', '--colour', 'red'], "Unknown option '--colour'"],
  ])('%j fails with a one-line reason', (argv, reason) => {
    const error = failure(argv);
    expect(error.message).toContain(reason);
    expect(error.message.split('\n')).toHaveLength(1);
  });

  it('a tampered log is refused with the command that broke', () => {
    const log = join(workDir, 'tampered.json');
    runCli(['play', '--scenario', 'office-supplies', '--seed', '2', '--policy', 'strategist', '--log', log]);
    const data = JSON.parse(readFileSync(log, 'utf8'));
    data.commands.splice(5, 0, { type: 'startRound' });
    writeFileSync(log, JSON.stringify(data));
    expect(failure(['replay', '--log', log]).message).toMatch(/command 6 was rejected on replay \(wrong-phase/);
  });

  it('the real process exits non-zero with one line on stderr and no stack trace', () => {
    const main = new URL('./main.ts', import.meta.url).pathname;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--conditions=source', main, 'play', '--seed', 'x'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual(['error: missing --scenario <id|file>']);
  });
});
