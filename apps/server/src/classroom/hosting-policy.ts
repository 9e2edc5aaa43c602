import { createHash, timingSafeEqual } from 'node:crypto';
import type { ProtocolError } from '@ttc/protocol';
import { failure } from '@ttc/protocol';

export interface HostingLimits {
  /** When set, `host` needs it. */
  passcode?: string | undefined;
  maxLobbySessions: number;
  maxLobbySessionsPerAddress: number;
  maxRunningSessions: number;
  maxRunningSessionsPerAddress: number;
}

interface CountedSession {
  status: 'lobby' | 'running' | 'ended';
  hostAddress: string | undefined;
}

type Refusal = { ok: false; error: ProtocolError };

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Who may host, and how many classes may wait or run at once: on the whole server and per
 * hosting address. Sessions restored after a restart count under the address that hosted them.
 */
export class HostingPolicy {
  constructor(private readonly limits: HostingLimits) {}

  get passcodeRequired(): boolean {
    return this.limits.passcode !== undefined;
  }

  /** The passcode check, in constant time (compared as digests, so lengths leak nothing either). */
  checkPasscode(given: string | undefined): Refusal | undefined {
    const { passcode } = this.limits;
    if (passcode === undefined) return undefined;
    if (given === undefined || given === '')
      return failure('bad-passcode', 'This server asks for the trainer passcode to host a class: enter it in the form.');
    if (!timingSafeEqual(digest(given), digest(passcode)))
      return failure('bad-passcode', 'That is not the trainer passcode: check it with whoever runs this server.');
    return undefined;
  }

  /**
   * Refuses a new lobby when the server or the address already has its share waiting. An
   * undefined address (one the limits per address leave alone) counts on the whole server only.
   */
  checkHost(sessions: Iterable<CountedSession>, address: string | undefined): Refusal | undefined {
    const { maxLobbySessions, maxLobbySessionsPerAddress } = this.limits;
    const counts = this.count(sessions, 'lobby', address);
    if (address !== undefined && counts.mine >= maxLobbySessionsPerAddress)
      return failure(
        'too-many-sessions',
        `Your network already has ${counts.mine} classes waiting to start (the most is ${maxLobbySessionsPerAddress}): start or end one of them first.`,
      );
    if (counts.all >= maxLobbySessions)
      return failure('too-many-sessions', `This server already has ${counts.all} classes waiting to start: try again later.`);
    return undefined;
  }

  /** Refuses a start when the server or the hosting address already runs its share. */
  checkStart(sessions: Iterable<CountedSession>, address: string | undefined): Refusal | undefined {
    const { maxRunningSessions, maxRunningSessionsPerAddress } = this.limits;
    const counts = this.count(sessions, 'running', address);
    if (address !== undefined && counts.mine >= maxRunningSessionsPerAddress)
      return failure(
        'too-many-sessions',
        `Your network already runs ${counts.mine} classes (the most is ${maxRunningSessionsPerAddress}): end one of them first.`,
      );
    if (counts.all >= maxRunningSessions)
      return failure('too-many-sessions', `This server already runs ${counts.all} classes, its most: try again when one has ended.`);
    return undefined;
  }

  private count(sessions: Iterable<CountedSession>, status: CountedSession['status'], address: string | undefined) {
    let all = 0;
    let mine = 0;
    for (const session of sessions) {
      if (session.status !== status) continue;
      all++;
      if (address !== undefined && session.hostAddress === address) mine++;
    }
    return { all, mine };
  }
}
