import { describe, expect, it } from 'vitest';
import { clockSummary, countdownText, msLeftInRound, paceText, type SessionClock, speedChoices } from './session-clock';

const running: SessionClock = {
  status: 'running',
  paused: false,
  phase: 'operations',
  round: 1,
  rounds: 3,
  tick: 4,
  ticksPerRound: 12,
  tickMs: 3000,
};

describe('msLeftInRound', () => {
  it('counts the hours left and the time since the last push', () => {
    expect(msLeftInRound(running, 0)).toBe(24_000);
    expect(msLeftInRound(running, 1200)).toBe(22_800);
  });

  it('waits for a late push instead of counting past the hour', () => {
    expect(msLeftInRound(running, 9000)).toBe(21_000);
  });

  it('stands still while paused, in planning or in the lobby', () => {
    expect(msLeftInRound({ ...running, paused: true }, 2000)).toBe(24_000);
    expect(msLeftInRound({ ...running, phase: 'planning', tick: 12 }, 2000)).toBe(0);
    expect(msLeftInRound({ ...running, status: 'lobby', tick: 0 }, 2000)).toBe(36_000);
  });
});

describe('countdownText', () => {
  it('shows minutes and seconds, rounding up', () => {
    expect(countdownText(65_000)).toBe('1:05');
    expect(countdownText(8_100)).toBe('0:09');
    expect(countdownText(0)).toBe('0:00');
  });
});

describe('clockSummary', () => {
  it('says where the session stands', () => {
    expect(clockSummary(running)).toBe('Session running: round 1 of 3, hour 5 of 12');
    expect(clockSummary({ ...running, paused: true })).toBe('Paused: round 1 of 3, hour 5 of 12');
    expect(clockSummary({ ...running, phase: 'planning', tick: 12 })).toBe('Planning after round 1 of 3');
    expect(clockSummary({ ...running, status: 'lobby' })).toBe('In the lobby: not started yet');
    expect(clockSummary({ ...running, status: 'ended', phase: 'ended' })).toBe('The session has ended');
  });
});

describe('speed', () => {
  it('offers the usual paces and keeps an unusual current one', () => {
    expect(speedChoices(3000)).toContain(3000);
    expect(speedChoices(4000)).toEqual([500, 1000, 2000, 3000, 4000, 5000, 10_000, 20_000]);
    expect(speedChoices(1500)).toEqual([500, 1000, 1500, 2000, 3000, 4000, 5000, 10_000, 20_000]);
    expect(paceText(500)).toBe('0.5 s per hour');
    expect(paceText(3000)).toBe('3 s per hour');
  });
});
