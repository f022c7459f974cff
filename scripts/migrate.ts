import { closeDatabase, databaseHandle } from "@/server/db";
import { migrateDatabase } from "@/server/migrate";

async function main() {
  const handle = databaseHandle();
  await migrateDatabase(handle);
  console.log(`[migrate] ${handle.kind === "pg" ? "PostgreSQL server" : "embedded database"} is up to date`);
  await closeDatabase();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
