// Type-level checks that a zod schema and the simulation type it carries over the wire agree.
// They cost nothing at run time: a disagreement is a compile error in the schema's file, so a
// field added to, dropped from or changed in @ttc/sim cannot slip past the protocol.

/** True when each type accepts the other's values. */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** True when the types accept the same values and name the same keys (an optional field counts too). */
export type SameShape<A, B> = Same<A, B> extends true ? Same<keyof A, keyof B> : false;
