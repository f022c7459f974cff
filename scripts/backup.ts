import { env } from "@/env";
import { attachmentsNote, BackupError, backupEmbedded, backupServer } from "@/server/backup";

// `npm run backup`: the PostgreSQL server's database (DATABASE_URL) with pg_dump in custom format, or
// the embedded database folder (PGLITE_DIR, app stopped), into a timestamped file under BACKUP_DIR.
// The attachments' bytes are not in it (UPLOAD_DIR or the S3 bucket, by STORAGE): it says where they are.
async function main() {
  const result = env.DATABASE_URL
    ? await backupServer(env.DATABASE_URL, env.BACKUP_DIR)
    : await backupEmbedded(env.PGLITE_DIR, env.BACKUP_DIR);
  if (result.warning) console.warn(`[backup] warning: ${result.warning}`);
  console.log(
    `[backup] ${result.kind === "pg" ? "PostgreSQL server" : "embedded database"} → ${result.file} (${result.bytes} bytes) / 备份完成`,
  );
  console.log(`[backup] ${attachmentsNote(env)}`);
}

main().catch((e) => {
  console.error(`[backup] failed: ${e instanceof BackupError ? e.message : (e as Error).stack} / 备份失败`);
  process.exit(1);
});
