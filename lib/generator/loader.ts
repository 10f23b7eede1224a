import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { setImmediate as nextTurn } from "node:timers/promises";
import type { PGlite, Transaction as PgliteTransaction } from "@electric-sql/pglite";
import type { Sql, TransactionSql } from "postgres";
import type { Database, Engine } from "@/db/client";
import { recordColumns } from "./records";

/**
 * Bulk loading of records text, on either engine, in one transaction: the rollup triggers off
 * (session_replication_role = replica, which needs a superuser; otherwise the table owner turns
 * its own triggers off for the transaction), the indexes (the primary key too, unless a foreign
 * key needs it) dropped and built again at the end when the load is large, and COPY for the rows
 * (a stream on PostgreSQL, blobs on PGlite). Into an empty table the COPY is FREEZE, after a
 * TRUNCATE in the same transaction: the rows arrive frozen and all-visible, so nothing rewrites
 * their pages later to set hint bits, and index-only scans work at once.
 */
export interface LoadHooks {
  /** Called with the first of `rows` ids reserved for the load, before any row is generated. */
  onIdsReserved(firstId: number): void;
  /** Called after the rows are in and before the indexes are built. */
  onRowsLoaded?(): void;
  onIndex?(done: number, total: number): void;
}

interface Session {
  query(text: string): Promise<Record<string, unknown>[]>;
  copy(table: string, columns: readonly string[], chunks: AsyncIterable<string | Uint8Array<ArrayBuffer>>, freeze?: boolean): Promise<void>;
}

function copyStatement(table: string, columns: readonly string[], source: string, freeze = false): string {
  return `COPY ${table} (${columns.join(", ")}) FROM ${source}${freeze ? " WITH (FREEZE)" : ""}`;
}

export function engineOf(db: Database): Engine {
  const client = (db as unknown as { $client: unknown }).$client as { reserve?: unknown };
  return typeof client.reserve === "function" ? "postgres" : "pglite";
}

function clientOf<T>(db: Database): T {
  return (db as unknown as { $client: T }).$client;
}

async function inSession<T>(db: Database, run: (session: Session) => Promise<T>): Promise<T> {
  if (engineOf(db) === "postgres") {
    const sql = clientOf<Sql>(db);
    return (await sql.begin((tx) => run(postgresSession(tx)))) as T;
  }
  const pg = clientOf<PGlite>(db);
  return pg.transaction((tx) => run(pgliteSession(tx)));
}

function postgresSession(tx: TransactionSql): Session {
  return {
    async query(text) {
      return [...(await tx.unsafe(text))] as Record<string, unknown>[];
    },
    async copy(table, columns, chunks, freeze) {
      const writable = await tx.unsafe(copyStatement(table, columns, "STDIN", freeze)).writable();
      await writeAhead(writable, chunks);
    },
  };
}

function pgliteSession(tx: PgliteTransaction): Session {
  return {
    async query(text) {
      return (await tx.query<Record<string, unknown>>(text)).rows;
    },
    async copy(table, columns, chunks, freeze) {
      for await (const chunk of chunks) {
        await tx.query(copyStatement(table, columns, "'/dev/blob'", freeze), [], { blob: new Blob([chunk]) });
      }
    },
  };
}

/**
 * Feeds COPY while the next chunks are built: up to `depth` chunks wait in the stream, so the
 * server has rows to ingest on its own core while Node builds more on this one. A plain
 * pipeline would wait for each chunk to reach the socket before building the next (the
 * stream's high-water mark is far below a chunk), which puts building and ingesting in series.
 */
async function writeAhead(writable: Writable, chunks: AsyncIterable<string | Uint8Array<ArrayBuffer>>, depth = 4): Promise<void> {
  const done = finished(writable);
  done.catch(() => {});
  const written: Promise<void>[] = [];
  try {
    for await (const chunk of chunks) {
      written.push(new Promise((resolve, reject) => writable.write(chunk, (error) => (error ? reject(error) : resolve()))));
      written[written.length - 1].catch(() => {});
      if (written.length >= depth) await Promise.race([written.shift()!, done]);
      // Building is synchronous: give the socket a turn to send what is queued.
      else await nextTurn();
    }
    writable.end();
    await done;
  } catch (error) {
    writable.destroy(error as Error);
    throw error;
  }
}

export interface LoadReport {
  /** Whether the rows went in by COPY FREEZE (the table was empty). */
  freeze: boolean;
  /** The indexes dropped and built again, the primary key included. */
  indexes: number;
}

export async function loadRecords(db: Database, chunks: AsyncIterable<string | Uint8Array<ArrayBuffer>>, options: { rows: number; rebuildIndexes: boolean }, hooks: LoadHooks): Promise<LoadReport> {
  return inSession(db, async (session) => {
    const [{ superuser }] = await session.query("SELECT rolsuper AS superuser FROM pg_roles WHERE rolname = current_user");
    if (superuser) await session.query("SET LOCAL session_replication_role = replica");
    else await session.query("ALTER TABLE records DISABLE TRIGGER USER");
    await session.query("SET LOCAL maintenance_work_mem = '256MB'");
    // Each index with the constraint it backs, if any; an index a foreign key relies on stays.
    const indexes = options.rebuildIndexes
      ? await session.query(
          "SELECT c.relname AS name, pg_get_indexdef(c.oid) AS definition, k.conname AS constraint, pg_get_constraintdef(k.oid) AS constraint_definition " +
            "FROM pg_index AS x JOIN pg_class AS c ON c.oid = x.indexrelid " +
            "LEFT JOIN pg_constraint AS k ON k.conindid = x.indexrelid AND k.conrelid = x.indrelid AND k.contype IN ('p', 'u', 'x') " +
            "WHERE x.indrelid = 'records'::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint AS f WHERE f.contype = 'f' AND f.conindid = x.indexrelid) " +
            "ORDER BY x.indisprimary DESC, c.relname",
        )
      : [];
    for (const index of indexes) {
      await session.query(index.constraint ? `ALTER TABLE records DROP CONSTRAINT ${quoteIdent(String(index.constraint))}` : `DROP INDEX ${quoteIdent(String(index.name))}`);
    }
    // Ids taken in one step instead of a nextval a row: the lock keeps other writers out meanwhile.
    await session.query("LOCK TABLE records IN EXCLUSIVE MODE");
    const [{ empty }] = await session.query("SELECT NOT EXISTS (SELECT FROM records) AS empty");
    if (empty) await session.query("TRUNCATE records");
    const [{ first }] = await session.query("SELECT nextval(pg_get_serial_sequence('records', 'id'))::bigint AS first");
    await session.query(`SELECT setval(pg_get_serial_sequence('records', 'id'), ${Number(first) + options.rows - 1})`);
    hooks.onIdsReserved(Number(first));
    await session.copy("records", recordColumns, chunks, Boolean(empty));
    hooks.onRowsLoaded?.();
    for (const [i, index] of indexes.entries()) {
      hooks.onIndex?.(i, indexes.length);
      await session.query(index.constraint ? `ALTER TABLE records ADD CONSTRAINT ${quoteIdent(String(index.constraint))} ${String(index.constraint_definition)}` : String(index.definition));
    }
    hooks.onIndex?.(indexes.length, indexes.length);
    if (!superuser) await session.query("ALTER TABLE records ENABLE TRIGGER USER");
    return { freeze: Boolean(empty), indexes: indexes.length };
  });
}

export interface PlainCopyOptions {
  /** A logged table, as records is (the default: unlogged, which writes no WAL). */
  logged?: boolean;
  /** Created in the same transaction as the COPY, and COPY FREEZE, as the generator loads an empty table. */
  freeze?: boolean;
  /**
   * All of the records' columns with their defaults, NOT NULL and check constraints (the state
   * records is in during the generator's load); by default only the columns copied, bare.
   */
  constraints?: boolean;
}

/**
 * The yardstick: the same rows by plain COPY into a table with the records' columns and no
 * index or trigger. Returns the seconds from the COPY's start to its commit.
 */
export async function timePlainCopy(db: Database, chunks: readonly (string | Uint8Array<ArrayBuffer>)[], options: PlainCopyOptions = {}): Promise<number> {
  const table = "voc_generator_copy_baseline";
  const shape = options.constraints ? "(LIKE records INCLUDING DEFAULTS INCLUDING CONSTRAINTS)" : `AS SELECT ${recordColumns.join(", ")} FROM records WITH NO DATA`;
  const create = `CREATE ${options.logged ? "" : "UNLOGGED "}TABLE ${table} ${shape}`;
  await inSession(db, async (session) => {
    await session.query(`DROP TABLE IF EXISTS ${table}`);
    if (!options.freeze) await session.query(create);
  });
  let started = performance.now();
  await inSession(db, async (session) => {
    if (options.freeze) await session.query(create);
    started = performance.now();
    await session.copy(
      table,
      recordColumns,
      (async function* () {
        yield* chunks;
      })(),
      options.freeze,
    );
  });
  const seconds = (performance.now() - started) / 1000;
  await inSession(db, (session) => session.query(`DROP TABLE ${table}`));
  return seconds;
}

export async function runStatement(db: Database, text: string): Promise<Record<string, unknown>[]> {
  return inSession(db, (session) => session.query(text));
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
