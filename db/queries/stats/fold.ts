import { sql } from "drizzle-orm";
import { queryRows, type Database, type Executor } from "@/db/client";
import { repeatInBackground } from "@/lib/repeat";

/**
 * Moves the cell deltas that records' writes left (db/migrations/0005) into the dashboard
 * cells. Returns how many it moved: 0 when there were none, when another fold is under way
 * (unless `wait`), or on a read-only replica.
 */
export async function foldCellDeltas(db: Executor, options: { wait?: boolean } = {}): Promise<number> {
  const [row] = await queryRows<{ moved: string | number }>(db, sql`select voc_fold_cell_deltas(${options.wait ?? false}) as moved`);
  return Number(row?.moved ?? 0);
}

/** Folds every few seconds, so a replica's dashboards follow within seconds too. */
export function startCellFolding(database: () => Promise<Database>, intervalMs = 5_000): () => void {
  return repeatInBackground("folding the dashboard cells", intervalMs, async () => foldCellDeltas(await database()));
}
