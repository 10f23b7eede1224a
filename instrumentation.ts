/**
 * Runs once when the server starts: opens the database, applies migrations and seeds.
 * If that fails the process exits, instead of serving errors forever.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // `next build` loads this too; a build must not open or migrate a database.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startServer } = await import("./lib/server-start");
  await startServer();
}
