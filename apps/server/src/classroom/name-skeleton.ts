import unhomoglyph from 'unhomoglyph';

/**
 * What a name looks like, for spotting two seats that would read the same: Unicode's
 * confusable mapping (UTS #39, as the well-kept `unhomoglyph` package carries it: Cyrillic "а"
 * and Latin "a", "rn" and "m", capital "I" and small "l") applied before and after lower-casing,
 * so "Ada", "ADA", "Аda" and "ada" share one skeleton. Names reach this already normalised by the
 * protocol (NFKC, no invisible characters).
 */
export function nameSkeleton(name: string): string {
  return unhomoglyph(unhomoglyph(name).toLocaleLowerCase('und'));
}

/** The seated name that `name` would be mistaken for, if any. */
export function confusableWith(name: string, seated: Iterable<string>): string | undefined {
  const skeleton = nameSkeleton(name);
  for (const other of seated) if (nameSkeleton(other) === skeleton) return other;
  return undefined;
}
