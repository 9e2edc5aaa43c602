import { StartupError } from '../startup-error.js';

/**
 * One numbered step of a store's schema. Steps run in order at start, each once, and each is
 * recorded in the database's `schema_migrations` table with its number and name; a database
 * is never changed by hand. Later versions only append steps: a step, once released, is never
 * edited, so every database passes through the same schemas.
 */
export interface Migration<Step> {
  version: number;
  name: string;
  up: Step;
}

/** The table both stores record their steps in. */
export const MIGRATIONS_TABLE = 'schema_migrations';

/**
 * The steps still to run on a database that has `applied`, in order. A database that has a
 * step this code does not know was migrated by a newer version: starting on it could write rows
 * the newer schema forbids, so the start stops and says what to do.
 */
export function pendingMigrations<Step>(all: readonly Migration<Step>[], applied: readonly number[], where: string): Migration<Step>[] {
  const known = new Set(all.map((migration) => migration.version));
  const unknown = applied.filter((version) => !known.has(version));
  if (unknown.length > 0) {
    const newest = Math.max(...all.map((migration) => migration.version));
    throw new StartupError(
      `The database ${where} has schema version ${Math.max(...unknown)}, newer than this version of Tame the Chaos knows ` +
        `(${newest}): a newer version has upgraded it. Run that version, or restore the backup taken before the upgrade.`,
    );
  }
  const done = new Set(applied);
  return [...all].sort((a, b) => a.version - b.version).filter((migration) => !done.has(migration.version));
}

/** Steps numbered 1, 2, 3… with no gap or repeat: checked by the stores' tests. */
export function isNumberedInOrder(all: readonly Migration<unknown>[]): boolean {
  return all.every((migration, index) => migration.version === index + 1);
}
