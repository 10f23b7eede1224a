import { closeDatabase, getDatabaseHandle, getDb } from "@/db";
import { authSecret } from "@/lib/env";

export async function startServer(): Promise<void> {
  try {
    // Configuration errors stop the server at start, not at the first sign-in.
    authSecret();
    const started = Date.now();
    const handle = await getDatabaseHandle();
    console.log(`[voc] database ready (${handle.engine}) in ${Date.now() - started} ms`);
  } catch (error) {
    console.error("[voc] could not prepare the database; stopping.", error);
    process.exit(1);
  }
  const stop = (signal: NodeJS.Signals) => {
    closeDatabase()
      .catch((error: unknown) => console.error("[voc] error while closing the database", error))
      .finally(() => process.exit(signal === "SIGINT" ? 130 : 0));
  };
  // E-mail from the outbox, only when SMTP_URL is configured.
  const { startEmailDelivery } = await import("@/lib/services/email-outbox");
  startEmailDelivery(getDb);
  // Records' writes leave deltas for the dashboard cells; fold them in every few seconds.
  const { startCellFolding } = await import("@/db/queries/stats/fold");
  startCellFolding(getDb);
  // For scripts/server.mjs: the routes it answers without Next, and compression by size.
  const { registerServerHooks } = await import("@/lib/http/server-hooks");
  registerServerHooks();
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
