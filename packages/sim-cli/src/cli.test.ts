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
    expect(results).toHaveLength(3 * 5);
    expect(new Set(results.map((run: { policy: string }) => run.policy)).size).toBe(5);
    expect(results[0]).toHaveProperty('balancedScore');
  });

  it('prints a table with win rates', () => {
    const table = runCli(['balance', '--scenario', 'office-supplies', '--seeds', '1..2']);
    expect(table).toContain('strategist');
    expect(table).toMatch(/wins/);
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
