// Join codes as people type them: the projector shows "443 CN7" in two groups, a learner may
// type it with the space, in lower case, or with a dash. One function reads them, for the join
// form in the browser and for the server's schema alike.

/** Join codes: 6 characters from an alphabet without look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 8/B). */
export const JOIN_CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const JOIN_CODE_LENGTH = 6;
/** What a learner may type: the code with its space (or a dash, or spaces around). */
export const JOIN_CODE_MAX_TYPED = 12;

export type JoinCodeCheck =
  | { ok: true; code: string }
  | { ok: false; code: string; problem: 'empty' | 'length' | 'character'; message: string };

/** The code as the server stores it: spaces and dashes dropped, upper case. */
export function normaliseJoinCode(typed: string): string {
  return typed.replace(/[\s\-‐-―]+/gu, '').toUpperCase();
}

const ORDINALS = ['1st', '2nd', '3rd', '4th', '5th', '6th'];

/**
 * Reads a typed join code. A wrong one gets a message that says what is wrong: the length, or
 * which character is not used in codes and where it is, so the learner knows what to look at.
 */
export function checkJoinCode(typed: string): JoinCodeCheck {
  const code = normaliseJoinCode(typed);
  if (code.length === 0) return { ok: false, code, problem: 'empty', message: 'Enter the join code your trainer shows.' };
  const wrong = [...code].findIndex((character) => !JOIN_CODE_ALPHABET.includes(character));
  if (wrong >= 0) {
    const character = [...code][wrong] ?? '';
    const where = ORDINALS[wrong] ? `the ${ORDINALS[wrong]} character` : 'a character';
    return {
      ok: false,
      code,
      problem: 'character',
      message: `“${character}”, ${where}, is never in a join code: codes are letters and digits without the look-alikes 0/O, 1/I/L, 2/Z, 5/S and 8/B. Check it on the projector.`,
    };
  }
  if (code.length !== JOIN_CODE_LENGTH)
    return {
      ok: false,
      code,
      problem: 'length',
      message: `A join code has ${JOIN_CODE_LENGTH} letters and digits; this has ${code.length}. Check it on the projector.`,
    };
  return { ok: true, code };
}

/** "K7PXQ3" → "K7P XQ3": the code as the projector shows it, two groups of three. */
export function spacedJoinCode(code: string): string {
  return code.length === JOIN_CODE_LENGTH ? `${code.slice(0, 3)} ${code.slice(3)}` : code;
}

/**
 * Whether a URL points at the machine it is opened on only (localhost, 127.x, ::1, 0.0.0.0): a
 * join link like that cannot be opened from a learner's phone.
 */
export function isLoopbackUrl(url: string): boolean {
  // Read by hand rather than with URL: the contract uses no host APIs (its build has no DOM or Node types).
  const host = /^[a-z][a-z\d+.-]*:\/\/(?:[^@/?#]*@)?(\[[^\]]+\]|[^:/?#]+)/i.exec(url.trim())?.[1];
  if (!host) return false;
  const hostname = host.toLowerCase().replace(/^\[|\]$/g, '');
  return (
    hostname === 'localhost' || hostname.endsWith('.localhost') || /^127\./.test(hostname) || hostname === '::1' || hostname === '0.0.0.0'
  );
}
