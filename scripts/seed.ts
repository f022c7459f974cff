import { env } from "@/env";
import { closeDatabase, databaseHandle } from "@/server/db";
import { migrateDatabase } from "@/server/migrate";
import { holdsForeignData, seed } from "@/server/seed/seed";

// `npm run seed`: migrate, then load the demo data. Refuses a database that holds data the seed did
// not write, unless ALLOW_SEED=true. With the embedded database, stop the app first (one process at a time).
async function main() {
  const handle = databaseHandle();
  await migrateDatabase(handle);
  if (env.ALLOW_SEED !== "true" && (await holdsForeignData(handle.db))) {
    console.error(
      "[seed] this database holds data the demo seed did not write; set ALLOW_SEED=true to seed it anyway",
    );
    process.exitCode = 2;
  } else {
    const started = Date.now();
    const result = await seed(handle.db);
    console.log(
      `[seed] ${result.organisations} organisations, ${result.users} users, ${result.projects} projects (${Date.now() - started} ms)`,
    );
  }
  await closeDatabase();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
