import { describe, expect, it } from 'vitest';
import { rosterOf } from './team-roster';

const players = [
  { id: 'g', name: 'Grace', team: 0, connected: true },
  { id: 'a', name: 'Ada', team: 0, connected: true },
  { id: 'l', name: 'Lin', team: 1, connected: false },
  { id: 'b', name: 'Bea', team: 0, connected: false },
];

describe('rosterOf', () => {
  it('lists the learner first, then teammates by name, with who is connected', () => {
    expect(rosterOf({ players }, 'g', 0)).toEqual({
      team: 0,
      classSize: 4,
      teammates: [
        { name: 'Grace', you: true, connected: true },
        { name: 'Ada', you: false, connected: true },
        { name: 'Bea', you: false, connected: false },
      ],
    });
  });

  it('follows a move and notices a learner no longer seated', () => {
    expect(rosterOf({ players: players.map((player) => (player.id === 'g' ? { ...player, team: 1 } : player)) }, 'g', 0).team).toBe(1);
    expect(rosterOf({ players: players.filter((player) => player.id !== 'g') }, 'g', 0).team).toBeUndefined();
    expect(rosterOf(undefined, 'g', 1).team).toBe(1);
  });
});
