import { createHash, randomBytes, randomInt } from 'node:crypto';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '@ttc/protocol';

/** A 6-character join code from an alphabet without look-alike characters. */
export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

/** An unguessable secret (facilitator key, player token): 192 random bits, URL-safe. */
export function newSecret(): string {
  return randomBytes(24).toString('base64url');
}

export function newId(): string {
  return randomBytes(9).toString('base64url');
}

/** Secrets are stored hashed, so a copy of the database does not hand out seats or sessions. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
