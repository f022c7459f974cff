import { verifyAuditChain } from "@/features/audit/chain";
import { closeDatabase, databaseHandle } from "@/server/db";
import { migrateDatabase } from "@/server/migrate";

// `npm run audit:verify`: check the audit log's hash chain; exit 1 at the first break.
async function main() {
  const handle = databaseHandle();
  await migrateDatabase(handle);
  const report = await verifyAuditChain(handle.db);
  await closeDatabase();
  if (report.ok) {
    console.log(
      `[audit:verify] chain intact: ${report.rows} rows, last id ${report.lastId ?? "-"} / 审计日志哈希链完整`,
    );
    return;
  }
  console.error(
    `[audit:verify] chain BROKEN at row ${report.brokenAt} (${report.reason}) after ${report.rows} good rows / 审计日志哈希链在第 ${report.brokenAt} 行断开`,
  );
  process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
