// Runs once when the server starts: migrate the database and load the demo data if it is empty,
// so the first request finds a ready system. A database that is not reachable yet (the app started
// before PostgreSQL) must not leave the process broken for good: the failure is logged, and every
// request tries again (the session check waits on the same start-up step) until it succeeds.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { ensureDatabaseReady } = await import("./server/startup");
  try {
    await ensureDatabaseReady();
  } catch (e) {
    console.error(`[startup] database not ready, trying again on the next request: ${(e as Error).message}`);
  }
}
