// What a browser remembers about its classroom seat, so a reload or a dropped connection
// brings the trainer back to the console and a learner back to their seat.

export interface FacilitatorCredentials {
  sessionId: string;
  facilitatorKey: string;
  joinCode: string;
  joinUrl: string;
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
