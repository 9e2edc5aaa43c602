import { z } from 'zod';

/** The longest display name, in characters after normalising. */
export const MAX_NAME_LENGTH = 30;

/**
 * Characters that draw nothing or rearrange what follows them: controls (Cc), format characters
 * (Cf: zero-width spaces and joiners, bidi overrides and isolates, the BOM, tag characters),
 * private-use and lone surrogates, and the letters that render blank (Hangul fillers, the
 * braille blank, the combining grapheme joiner, Khmer inherent vowels, Mongolian selectors,
 * variation selectors). A name made with them can look like someone else's.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\u115F\u1160\u2800\u3164\uFFA0]|\p{Variation_Selector}|\u034F|\u17B4|\u17B5/gu;
/** More than two combining marks on one letter only smear the line ("zalgo" text). */
const MARK_PILES = /(\p{M}{2})\p{M}+/gu;

/**
 * A name as people will see it: Unicode compatibility form (NFKC: full-width "ＡＤＡ" becomes
 * "ADA", ligatures and non-breaking spaces their plain forms), without invisible or control
 * characters, with runs of space made one, trimmed.
 */
export function normaliseDisplayName(name: string): string {
  return name.normalize('NFKC').replace(INVISIBLE, '').replace(MARK_PILES, '$1').replace(/\s+/gu, ' ').trim();
}

export const displayNameSchema = z
  .string()
  .max(400, 'a name of at most 30 characters')
  .transform(normaliseDisplayName)
  .pipe(z.string().min(1, 'a name').max(MAX_NAME_LENGTH, `a name of at most ${MAX_NAME_LENGTH} characters`));
