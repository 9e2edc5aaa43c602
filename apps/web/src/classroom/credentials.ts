// What a browser remembers about its classroom seat, so a reload or a dropped connection
// brings the trainer back to the console and a learner back to their seat.

export interface FacilitatorCredentials {
  sessionId: string;
  facilitatorKey: string;
  joinCode: string;
  joinUrl: string;
  /** When the join link says localhost: the same link on this server's LAN addresses. */
  lanJoinUrls?: string[];
}

export interface PlayerCredentials {
  sessionId: string;
  token: string;
  playerId: string;
  name: string;
}

const FACILITATOR = 'ttc:classroom:facilitator';
const PLAYER = 'ttc:classroom:player';

function read<T>(key: string, valid: (value: Record<string, unknown>) => boolean): T | undefined {
  try {
    const value = JSON.parse(localStorage.getItem(key) ?? 'null') as unknown;
    return value && typeof value === 'object' && valid(value as Record<string, unknown>) ? (value as T) : undefined;
  } catch {
    return undefined;
  }
}

const strings = (value: Record<string, unknown>, keys: string[]) => keys.every((key) => typeof value[key] === 'string');

export function loadFacilitator(): FacilitatorCredentials | undefined {
  return read(FACILITATOR, (value) => strings(value, ['sessionId', 'facilitatorKey', 'joinCode', 'joinUrl']));
}

export function saveFacilitator(credentials: FacilitatorCredentials): void {
  localStorage.setItem(FACILITATOR, JSON.stringify(credentials));
}

export function forgetFacilitator(): void {
  localStorage.removeItem(FACILITATOR);
}

export function loadPlayer(): PlayerCredentials | undefined {
  return read(PLAYER, (value) => strings(value, ['sessionId', 'token', 'playerId', 'name']));
}

export function savePlayer(credentials: PlayerCredentials): void {
  localStorage.setItem(PLAYER, JSON.stringify(credentials));
}

export function forgetPlayer(): void {
  localStorage.removeItem(PLAYER);
}

/** The console link for another machine: it carries the key, so it is for the trainer only. */
export function consoleLink(credentials: FacilitatorCredentials, origin = window.location.origin): string {
  return `${origin}/?session=${encodeURIComponent(credentials.sessionId)}&key=${encodeURIComponent(credentials.facilitatorKey)}`;
}

/** A class this browser hosted: the key stays so its replay can be opened after the class. */
export interface HostedClass {
  sessionId: string;
  facilitatorKey: string;
  joinCode: string;
  /** When this browser first hosted or took over the class (ISO date). */
  hostedAt: string;
}

const HOSTED = 'ttc:replay:hosted';
/** The server answers summaries for at most this many sessions at a time. */
export const MAX_HOSTED_CLASSES = 50;

function isHostedClass(value: unknown): value is HostedClass {
  return (
    !!value &&
    typeof value === 'object' &&
    strings(value as Record<string, unknown>, ['sessionId', 'facilitatorKey', 'joinCode', 'hostedAt'])
  );
}

/** The classes this browser hosted, newest first. */
export function loadHostedClasses(): HostedClass[] {
  try {
    const value = JSON.parse(localStorage.getItem(HOSTED) ?? '[]') as unknown;
    return Array.isArray(value) ? value.filter(isHostedClass) : [];
  } catch {
    return [];
  }
}

/**
 * Adds a class to the front of the list (or refreshes its join code), keeping the newest
 * `MAX_HOSTED_CLASSES`. The first date is kept: it is when the class was hosted.
 */
export function withHostedClass(list: readonly HostedClass[], entry: HostedClass): HostedClass[] {
  const earlier = list.find((item) => item.sessionId === entry.sessionId);
  const merged: HostedClass = earlier ? { ...entry, hostedAt: earlier.hostedAt, joinCode: entry.joinCode || earlier.joinCode } : entry;
  return [merged, ...list.filter((item) => item.sessionId !== entry.sessionId)].slice(0, MAX_HOSTED_CLASSES);
}

export function rememberHostedClass(
  credentials: Pick<FacilitatorCredentials, 'sessionId' | 'facilitatorKey' | 'joinCode'>,
  now = new Date(),
): void {
  const entry: HostedClass = {
    sessionId: credentials.sessionId,
    facilitatorKey: credentials.facilitatorKey,
    joinCode: credentials.joinCode,
    hostedAt: now.toISOString(),
  };
  try {
    localStorage.setItem(HOSTED, JSON.stringify(withHostedClass(loadHostedClasses(), entry)));
  } catch {
    // A full or blocked storage only costs the list entry; the class itself goes on.
  }
}
