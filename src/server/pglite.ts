import { PGlite, type PGliteOptions } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

/**
 * An embedded database with the extensions the migrations create (pg_trgm, for the trigram indexes
 * that serve "contains" searches). Every PGlite of the app, its scripts and its tests opens through
 * here: a data folder whose catalogue holds those indexes cannot be written without them.
 */
export function newPglite(dataDir?: string, options: PGliteOptions = {}): PGlite {
  // One options object: given a folder and options, PGlite would drop the options when the folder is
  // undefined (an in-memory database).
  return new PGlite({ ...options, dataDir, extensions: { ...options.extensions, pg_trgm } });
}
