// Runs once when the server starts: migrate the database and load the demo data if it is empty,
// so the first request finds a ready system.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { ensureDatabaseReady } = await import("./server/startup");
  await ensureDatabaseReady();
}
