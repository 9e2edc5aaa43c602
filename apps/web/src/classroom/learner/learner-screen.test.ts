import { describe, expect, it } from 'vitest';
import { learnerScreen } from './learner-screen';

describe('learnerScreen', () => {
  it('waits in the lobby and goes to the debrief at the end', () => {
    expect(learnerScreen({ status: 'lobby', phase: 'operations', round: 1 }, undefined)?.screen).toBe('waiting');
    expect(learnerScreen({ status: 'ended', phase: 'ended', round: 2 }, undefined)?.screen).toBe('debrief');
  });

  it('opens operations and planning once the board has caught up with the session', () => {
    expect(learnerScreen({ status: 'running', phase: 'operations', round: 1 }, undefined)).toBeUndefined();
    expect(learnerScreen({ status: 'running', phase: 'operations', round: 1 }, { phase: 'operations', round: 1 })).toEqual({
      screen: 'operations',
      key: 'operations:1',
    });
    // The session says planning; the board still shows operations: stay until it arrives.
    expect(learnerScreen({ status: 'running', phase: 'planning', round: 1 }, { phase: 'operations', round: 1 })).toBeUndefined();
    expect(learnerScreen({ status: 'running', phase: 'planning', round: 1 }, { phase: 'planning', round: 1 })?.key).toBe('planning:1');
    expect(learnerScreen({ status: 'running', phase: 'operations', round: 2 }, { phase: 'operations', round: 2 })?.key).toBe(
      'operations:2',
    );
  });
});
