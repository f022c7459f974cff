import { env } from "@/env";
import { attachmentsNote, BackupError, restoreEmbedded, restoreServer } from "@/server/backup";

// `npm run restore -- <file> [--force]`: load a backup made by `npm run backup` into the database the
// settings name (DATABASE_URL, else PGLITE_DIR). A target holding data is refused without --force.
async function main() {
  const args = process.argv.slice(2);
  const force = args.includes("--force");
  const files = args.filter((a) => !a.startsWith("--"));
  if (files.length !== 1) {
    console.error("usage: npm run restore -- <backup file> [--force]");
    process.exit(2);
  }
  const file = files[0]!;
  const result = env.DATABASE_URL
    ? await restoreServer(env.DATABASE_URL, file, force)
    : await restoreEmbedded(env.PGLITE_DIR, file, force);
  if (result.warning) console.warn(`[restore] warning: ${result.warning}`);
  if (result.movedAside) console.log(`[restore] the previous folder was moved to ${result.movedAside}`);
  console.log(
    `[restore] ${file} → ${result.kind === "pg" ? `database ${result.target}` : result.target} / 恢复完成`,
  );
  console.log(`[restore] the database only: ${attachmentsNote(env)}`);
}

main().catch((e) => {
  console.error(
    `[restore] refused or failed: ${e instanceof BackupError ? e.message : (e as Error).stack} / 恢复未完成`,
  );
  process.exit(1);
});
