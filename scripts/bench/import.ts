// The `import` section of `npm run bench`: rows a second through the real import path
// (previewImport then commitImport of lib/services/imports.ts, called directly, no HTTP) on a
// fresh database, next to two COPYs of the same number of equivalent rows in the same run:
// one into `records` itself (its indexes, foreign keys and dashboard triggers; rolled back), the
// table the import writes, which is the reference of import_ratio_vs_copy; and a plain one into
// an unlogged table with the records' columns and no index, constraint or trigger.
// The importer takes at most importLimits.maxRows rows an upload, so the rows go in as a user
// would send them: one CSV file of that many rows after the other, each previewed then committed.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, asc, count, eq, isNotNull } from "drizzle-orm";
import type { PGlite } from "@electric-sql/pglite";
import postgres, { type Sql } from "postgres";
import { openPglite, openPostgres, type Database, type DatabaseHandle } from "@/db/client";
import { seedReference } from "@/db/seed/reference";
import { auditLog, categories, regions, records, sites, users } from "@/db/schema";
import { engineOf, timePlainCopy } from "@/lib/generator/loader";
import { copyEscape, recordColumns } from "@/lib/generator/records";
import { maskSensitive } from "@/lib/pii";
import { commitImport, importLimits, previewImport, type ImportFile } from "@/lib/services/imports";
import type { Viewer } from "@/lib/viewer";

export interface ImportSectionOptions {
  engine: "postgres" | "pglite";
  /** The maintenance database of the PostgreSQL server. */
  server: string;
  rows: number;
  machine: () => { cores: number; load_average_1m: number };
  errors: string[];
  printTable: (rows: string[][]) => void;
}

interface Phase {
  seconds: number;
  rowsPerSecond: number;
}

export interface ImportRun {
  engine: "postgres" | "pglite";
  rows: number;
  batches: number;
  batchRows: number;
  parsePreview: Phase;
  commit: Phase;
  total: Phase;
  /** COPY into an unlogged table without index, constraint or trigger. */
  copy: Phase;
  /** COPY into `records` itself, with its indexes, foreign keys and triggers (rolled back), one statement an upload's rows. */
  copyIntoRecords: Phase;
  /** The same, all the rows in one COPY statement: the triggers' work once instead of once an upload. */
  copyIntoRecordsOneStatement: Phase;
  /** Rows the preview found invalid, rows the commit did not save, records and audit rows missing. */
  previewInvalid: number;
  notSaved: number;
  recordsWritten: number;
  auditRowsWritten: number;
  /** The first and the last upload's commit, seconds: whether the commit slows down as the table grows. */
  commitSecondsFirst: number;
  commitSecondsLast: number;
  loadBefore: number;
  loadAfter: number;
}

const kinds = [
  ["投诉", 30],
  ["建议", 20],
  ["业务联系", 25],
  ["服务记录", 20],
  ["表扬", 5],
] as const;
const channels = ["内部论坛", "网际网路", "对外服务邮箱", "问卷调查", "热线"] as const;
const urgencies = ["一般", "一般", "一般", "紧急", "低", "非常紧急"] as const;
const sources: Record<(typeof channels)[number], string[]> = {
  内部论坛: ["信用卡论坛·用卡交流版", "信用卡论坛·积分版", "员工论坛·客户之声"],
  网际网路: ["微博 @持卡人小王", "黑猫投诉", "知乎·信用卡话题", "小红书 @理财日记"],
  对外服务邮箱: ["service@example.cn", "kefu@example.cn"],
  问卷调查: ["季度满意度问卷", "开卡回访问卷"],
  热线: ["800热线转记录", "热线回访"],
};
const urls: Record<(typeof channels)[number], string> = {
  内部论坛: "https://forum.example.cn/t/",
  网际网路: "https://weibo.example.com/status/",
  对外服务邮箱: "",
  问卷调查: "https://survey.example.cn/r/",
  热线: "",
};
const summaries = [
  "开卡一周后才收到密码函",
  "希望自动还款可以自选扣款日",
  "积分兑换的商品太少",
  "年费没有按约定减免",
  "催收电话打到了单位",
  "分期手续费说明不清楚",
  "境外消费被拒但未收到提醒",
  "客服热线等待时间太长",
  "账单日调整后仍按旧日期计息",
  "临时额度到期没有提前通知",
  "App 登录后反复要求验证",
  "挂失补卡后新卡迟迟未寄到",
];
const words = [
  "激活后等了十天才收到密码函，一直不能刷卡，希望能在电话里直接设置密码。",
  "工资晚两天到账，自动还款总是扣款失败，希望能选扣款日，不要再收滞纳金。",
  "积分兑换的商品太少，能不能换成航空里程？去年攒的积分快过期了。",
  "办卡时说刷满六次免年费，我刷了八次还是扣了三百元年费，打电话说要等审核。",
  "催收的人打到我们公司前台，同事都知道了，我只是晚了三天，这样太过分了。",
  "分期的时候说零利息，结果每期都有手续费，折算下来比贷款还贵，页面上没写清楚。",
  "在日本刷卡被拒了两次，没有短信也没有推送，最后只能用现金，很尴尬。",
  "打了四十分钟才接通，转了三次人工，问题还是没解决，希望增加人手。\n晚上八点以后根本打不进去。",
];

function pick<T>(list: readonly T[], i: number): T {
  return list[i % list.length];
}

/** A weighted pick that does not line up with the other columns' cycles. */
function weighted(i: number): string {
  const total = kinds.reduce((s, [, w]) => s + w, 0);
  let n = (i * 37) % total;
  for (const [label, w] of kinds) {
    if (n < w) return label;
    n -= w;
  }
  return kinds[0][0];
}

const csvField = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

interface Reference {
  categories: { id: number; code: string; name: string }[];
  regions: { code: string; name: string }[];
}

interface GeneratedRow {
  externalId: string;
  channel: string;
  kind: string;
  category: number;
  region: number;
  occurred: string;
  source: string;
  url: string;
  summary: string;
  words: string;
  urgency: string;
}

/** Row i of the run: Chinese labels as the centre's exports write them; every 10th has a card number to mask. */
function generatedRow(i: number, ref: Reference, run: string): GeneratedRow {
  const channel = pick(channels, i * 7 + Math.floor(i / 5));
  const day = 1 + (i % 28);
  const card = i % 10 === 0 ? `卡号 6222 0212 ${String(1000 + (i % 9000))} 7894 ` : "";
  const url = urls[channel];
  return {
    externalId: `BI-${run}-${i + 1}`,
    channel,
    kind: weighted(i),
    category: i % ref.categories.length,
    region: (i * 13) % ref.regions.length,
    occurred: `2026-11-${String(day).padStart(2, "0")} ${String(8 + (i % 12)).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}`,
    source: pick(sources[channel], i),
    url: url ? `${url}${100000 + i}` : "",
    // The number keeps the summaries apart: the same summary from the same source is a duplicate row.
    summary: `${pick(summaries, i * 5)}（${i + 1}）`,
    words: `${card}${pick(words, i * 3)}`,
    urgency: pick(urgencies, i),
  };
}

const csvHeader = ["编号", "渠道", "类型", "分类", "省市", "时间", "来源", "链接", "摘要", "客户原话", "紧急程度"];

function csvFile(ref: Reference, run: string, from: number, to: number, name: string): ImportFile {
  const lines = [csvHeader.join(",")];
  for (let i = from; i < to; i++) {
    const r = generatedRow(i, ref, run);
    lines.push(
      [r.externalId, r.channel, r.kind, ref.categories[r.category].name, ref.regions[r.region].name, r.occurred, r.source, r.url, r.summary, r.words, r.urgency].map(csvField).join(","),
    );
  }
  // With a BOM, as Excel saves "CSV UTF-8".
  return { fileName: name, bytes: new TextEncoder().encode(`\ufeff${lines.join("\r\n")}\r\n`) };
}

const kindCode: Record<string, string> = { 投诉: "complaint", 建议: "suggestion", 业务联系: "business_contact", 服务记录: "service_record", 表扬: "praise" };
const channelCode: Record<string, string> = { 内部论坛: "forum", 网际网路: "internet", 对外服务邮箱: "mailbox", 问卷调查: "survey", 热线: "hotline" };
const urgencyCode: Record<string, string> = { 一般: "normal", 紧急: "high", 低: "low", 非常紧急: "critical" };

/**
 * The same rows as COPY text in `columns` of the records: what the import writes, already
 * resolved, in chunks of `chunkRows`. `run` makes the external ids, unique per channel in `records`.
 */
function copyChunks(ref: Reference, run: string, rows: number, viewer: Viewer, columns: readonly (typeof recordColumns)[number][], chunkRows: number): string[] {
  const now = new Date().toISOString();
  const chunks: string[] = [];
  let lines: string[] = [];
  for (let i = 0; i < rows; i++) {
    const r = generatedRow(i, ref, run);
    const [date, time] = r.occurred.split(" ");
    const occurredAt = new Date(`${date}T${time}:00+08:00`);
    const kind = kindCode[r.kind];
    const values: Record<(typeof recordColumns)[number], string | null> = {
      id: String(i + 1),
      kind,
      channel: channelCode[r.channel],
      source: r.source,
      source_url: r.url || null,
      external_id: r.externalId,
      site_id: viewer.siteId === null ? null : String(viewer.siteId),
      team_id: null,
      category_id: String(ref.categories[r.category].id),
      region_code: ref.regions[r.region].code,
      call_reference: null,
      summary: maskSensitive(r.summary).text,
      customer_words: maskSensitive(r.words).text,
      urgency: urgencyCode[r.urgency],
      valuable: "f",
      status: "new",
      dismissed_reason: null,
      issue_id: null,
      author_id: String(viewer.id),
      tracking_number: null,
      contact: null,
      contact_digest: null,
      moderation_status: null,
      due_at: kind === "complaint" ? new Date(occurredAt.getTime() + 15 * 86_400_000).toISOString() : null,
      occurred_at: occurredAt.toISOString(),
      created_at: now,
      updated_at: now,
      version: "1",
    };
    lines.push(columns.map((c) => (values[c] === null ? "\\N" : copyEscape(values[c] as string))).join("\t"));
    if (lines.length === chunkRows) {
      chunks.push(`${lines.join("\n")}\n`);
      lines = [];
    }
  }
  if (lines.length) chunks.push(`${lines.join("\n")}\n`);
  return chunks;
}

const rolledBack = new Error("rolled back");

/**
 * The reference the import is held to: COPY of the same rows into `records` itself, the table
 * the import writes, with its indexes, foreign keys and the dashboard triggers firing, ids from
 * its identity, in one transaction that is then rolled back. One COPY statement a chunk: the
 * triggers are statement-level, so a chunk of an upload's size gives them the work the import's
 * one insert an upload gives them. Seconds from the start of the first COPY to the end of the
 * last (the rollback is not timed, so this leaves out a commit's WAL flush).
 */
async function timeCopyIntoRecords(db: Database, columns: readonly string[], chunks: readonly string[]): Promise<number> {
  const client = (db as unknown as { $client: unknown }).$client;
  let seconds = 0;
  if (engineOf(db) === "postgres") {
    await (client as Sql)
      .begin(async (tx) => {
        const started = performance.now();
        for (const chunk of chunks) {
          const writable = await tx.unsafe(`COPY records (${columns.join(", ")}) FROM STDIN`).writable();
          const done = new Promise<void>((resolve, reject) => writable.on("finish", resolve).on("error", reject));
          writable.end(chunk);
          await done;
        }
        seconds = (performance.now() - started) / 1000;
        throw rolledBack;
      })
      .catch((error: unknown) => {
        if (error !== rolledBack) throw error;
      });
    return seconds;
  }
  await (client as PGlite).transaction(async (tx) => {
    const started = performance.now();
    for (const chunk of chunks) await tx.query(`COPY records (${columns.join(", ")}) FROM '/dev/blob'`, [], { blob: new Blob([chunk]) });
    seconds = (performance.now() - started) / 1000;
    await tx.rollback();
  });
  return seconds;
}

async function loadReference(db: Database): Promise<Reference> {
  // Leaf categories by their Chinese name, as people type them; cities by their Chinese name.
  const leaves = await db
    .select({ id: categories.id, code: categories.code, name: categories.nameHans })
    .from(categories)
    .where(and(eq(categories.active, true), isNotNull(categories.parentId)))
    .orderBy(asc(categories.position), asc(categories.id));
  const names = new Map<string, number>();
  for (const c of leaves) names.set(c.name, (names.get(c.name) ?? 0) + 1);
  const cities = await db.select({ code: regions.code, name: regions.nameHans }).from(regions).where(eq(regions.level, "city")).orderBy(asc(regions.code));
  const cityNames = new Map<string, number>();
  for (const c of cities) cityNames.set(c.name, (cityNames.get(c.name) ?? 0) + 1);
  return {
    // A name two categories share would be ambiguous in a file: such rows use the code.
    categories: leaves.map((c) => ({ id: c.id, code: c.code, name: names.get(c.name) === 1 ? c.name : c.code })),
    regions: cities.filter((c) => cityNames.get(c.name) === 1).slice(0, 120),
  };
}

async function openFresh(options: ImportSectionOptions): Promise<{ handle: DatabaseHandle; drop: () => Promise<void>; name: string }> {
  if (options.engine === "pglite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), "voc_bench_import_"));
    const handle = await openPglite(path.join(dir, "db"));
    return { handle, name: dir, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `voc_bench_import_${Date.now()}_${randomBytes(2).toString("hex")}`;
  const admin = postgres(options.server, { max: 1, onnotice: () => {} });
  // Databases of earlier runs that were killed before they could drop theirs.
  const stale = await admin<{ datname: string }[]>`select datname from pg_database where datname like 'voc\\_bench\\_import\\_%'`;
  for (const { datname } of stale) {
    const at = Number(datname.split("_")[3]);
    if (Number.isFinite(at) && Date.now() - at > 3600_000) await admin.unsafe(`drop database if exists "${datname}" with (force)`).catch(() => {});
  }
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(options.server);
  url.pathname = `/${name}`;
  const handle = await openPostgres(url.toString(), { max: 4 });
  return {
    handle,
    name,
    drop: async () => {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}

const phase = (seconds: number, rows: number): Phase => ({ seconds: Math.round(seconds * 1000) / 1000, rowsPerSecond: seconds > 0 ? Math.round(rows / seconds) : 0 });

export async function measureImport(options: ImportSectionOptions): Promise<ImportRun> {
  const { handle, drop, name } = await openFresh(options);
  try {
    const db = handle.db;
    await handle.migrate();
    await seedReference(db);
    const [site] = await db.select({ id: sites.id }).from(sites).orderBy(asc(sites.id)).limit(1);
    const [user] = await db
      .insert(users)
      .values({ email: `bench.import.${Date.now()}@bench.local`, name: "导入基准", role: "specialist", siteId: site.id })
      .returning();
    const viewer: Viewer = { id: user.id, name: user.name, email: user.email, role: user.role, siteId: user.siteId, teamId: user.teamId, departmentId: user.departmentId };
    const ref = await loadReference(db);
    const run = randomBytes(3).toString("hex");
    const batchRows = importLimits.maxRows;
    const files: ImportFile[] = [];
    for (let from = 0; from < options.rows; from += batchRows) {
      files.push(csvFile(ref, run, from, Math.min(options.rows, from + batchRows), `导出-${files.length + 1}.csv`));
    }
    const tooLarge = files.filter((f) => f.bytes.byteLength > importLimits.maxBytes);
    if (tooLarge.length) throw new Error(`${tooLarge.length} generated files exceed the ${importLimits.maxBytes} byte upload limit`);

    console.error(`[bench] import on ${options.engine} (${name}): ${options.rows.toLocaleString("en-US")} rows in ${files.length} CSV uploads of up to ${batchRows}…`);
    const loadBefore = options.machine().load_average_1m;
    let previewSeconds = 0;
    let commitSeconds = 0;
    let previewInvalid = 0;
    let notSaved = 0;
    const commitTimes: number[] = [];
    const firstErrors = new Set<string>();
    for (const [i, file] of files.entries()) {
      const t0 = performance.now();
      const preview = await previewImport(db, viewer, file);
      const t1 = performance.now();
      previewInvalid += preview.invalidCount;
      for (const r of preview.rows) for (const [field, keys] of Object.entries(r.errors)) if (firstErrors.size < 5) firstErrors.add(`${field}: ${keys.join(", ")}`);
      // valid_only, so that a row the generator got wrong shows in the counts instead of stopping the run.
      const committed = await commitImport(db, viewer, { batchId: preview.batchId, mode: "valid_only" });
      const t2 = performance.now();
      notSaved += preview.rowCount - committed.savedCount;
      previewSeconds += (t1 - t0) / 1000;
      commitSeconds += (t2 - t1) / 1000;
      commitTimes.push((t2 - t1) / 1000);
      process.stderr.write(`\r[bench] import batch ${i + 1}/${files.length}: preview ${((t1 - t0) / 1000).toFixed(2)} s, commit ${((t2 - t1) / 1000).toFixed(2)} s      `);
    }
    process.stderr.write("\n");
    if (firstErrors.size) console.error(`[bench] import: rows refused by the preview, e.g. ${[...firstErrors].join("; ")}`);
    const [[{ n: recordsWritten }], [{ n: auditRowsWritten }]] = await Promise.all([
      db.select({ n: count() }).from(records),
      db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, "record.created")),
    ]);

    // The references, after the import so that `records` holds as many rows as at its end:
    // other external ids than the imported ones, ids from the identity.
    const intoRecords = recordColumns.filter((c) => c !== "id");
    const copyIntoRecordsSeconds = await timeCopyIntoRecords(db, intoRecords, copyChunks(ref, `${run}c`, options.rows, viewer, intoRecords, batchRows));
    const copyIntoRecordsOneStatementSeconds = await timeCopyIntoRecords(db, intoRecords, [copyChunks(ref, `${run}c`, options.rows, viewer, intoRecords, options.rows).join("")]);
    const copySeconds = await timePlainCopy(db, copyChunks(ref, run, options.rows, viewer, recordColumns, 10_000));
    const loadAfter = options.machine().load_average_1m;
    return {
      engine: options.engine,
      rows: options.rows,
      batches: files.length,
      batchRows,
      parsePreview: phase(previewSeconds, options.rows),
      commit: phase(commitSeconds, options.rows),
      total: phase(previewSeconds + commitSeconds, options.rows),
      copy: phase(copySeconds, options.rows),
      copyIntoRecords: phase(copyIntoRecordsSeconds, options.rows),
      copyIntoRecordsOneStatement: phase(copyIntoRecordsOneStatementSeconds, options.rows),
      previewInvalid,
      notSaved,
      recordsWritten: Number(recordsWritten),
      auditRowsWritten: Number(auditRowsWritten),
      commitSecondsFirst: Math.round(commitTimes[0] * 1000) / 1000,
      commitSecondsLast: Math.round(commitTimes[commitTimes.length - 1] * 1000) / 1000,
      loadBefore,
      loadAfter,
    };
  } finally {
    await handle.close();
    await drop();
  }
}

/** Runs the section; prints its table and returns its part of the JSON. */
export async function runImportSection(options: ImportSectionOptions): Promise<Record<string, unknown>> {
  let result: ImportRun;
  try {
    result = await measureImport(options);
  } catch (error) {
    options.errors.push(`import: ${(error as Error).message.split("\n")[0]}`);
    return {};
  }
  const r = result;
  const ratioOf = (rowsPerSecond: number, reference: Phase) => (reference.rowsPerSecond ? Math.round((rowsPerSecond / reference.rowsPerSecond) * 1000) / 1000 : null);
  // The headline: the commit against COPY into the table it writes; the unlogged COPY beside it.
  const ratio = ratioOf(r.commit.rowsPerSecond, r.copyIntoRecords);
  const plainRatio = ratioOf(r.commit.rowsPerSecond, r.copy);
  const oneStatementRatio = ratioOf(r.commit.rowsPerSecond, r.copyIntoRecordsOneStatement);
  const totalRatio = ratioOf(r.total.rowsPerSecond, r.copyIntoRecords);
  if (r.previewInvalid || r.notSaved || r.recordsWritten !== r.rows || r.auditRowsWritten !== r.rows) {
    options.errors.push(`import: ${r.previewInvalid} rows invalid, ${r.notSaved} not saved, ${r.recordsWritten} records and ${r.auditRowsWritten} audit rows for ${r.rows} rows`);
  }
  console.log(`import on ${r.engine}: ${r.rows} CSV rows in ${r.batches} uploads of ${r.batchRows} (the importer's limit), load ${r.loadBefore} → ${r.loadAfter}`);
  options.printTable([
    ["phase", "seconds", "rows/s"],
    ["parse + preview", r.parsePreview.seconds.toFixed(2), String(r.parsePreview.rowsPerSecond)],
    ["commit", r.commit.seconds.toFixed(2), String(r.commit.rowsPerSecond)],
    ["total", r.total.seconds.toFixed(2), String(r.total.rowsPerSecond)],
    [`COPY into records, ${r.batchRows} a statement`, r.copyIntoRecords.seconds.toFixed(2), String(r.copyIntoRecords.rowsPerSecond)],
    ["COPY into records, one statement", r.copyIntoRecordsOneStatement.seconds.toFixed(2), String(r.copyIntoRecordsOneStatement.rowsPerSecond)],
    ["plain COPY (unlogged)", r.copy.seconds.toFixed(2), String(r.copy.rowsPerSecond)],
  ]);
  console.log(
    `commit / COPY into records ${ratio ?? "n/a"} (parsing not included; ${oneStatementRatio ?? "n/a"} against the one-statement COPY), total / COPY into records ${totalRatio ?? "n/a"}, commit / plain COPY ${plainRatio ?? "n/a"}; ` +
      `invalid ${r.previewInvalid}, not saved ${r.notSaved}; commit of the first upload ${r.commitSecondsFirst} s, of the last ${r.commitSecondsLast} s`,
  );
  // The headline ratio is the server's; the embedded engine's run keeps its own keys beside it.
  const pglite = r.engine === "pglite";
  return {
    [pglite ? "import_ratio_vs_copy_pglite" : "import_ratio_vs_copy"]: ratio,
    [pglite ? "import_ratio_vs_plain_copy_pglite" : "import_ratio_vs_plain_copy"]: plainRatio,
    [pglite ? "import_pglite" : "import"]: {
      measured_at: new Date().toISOString(),
      engine: r.engine,
      rows: r.rows,
      batches: r.batches,
      batch_rows: r.batchRows,
      parse_preview: { seconds: r.parsePreview.seconds, rows_per_s: r.parsePreview.rowsPerSecond },
      commit: { seconds: r.commit.seconds, rows_per_s: r.commit.rowsPerSecond },
      total: { seconds: r.total.seconds, rows_per_s: r.total.rowsPerSecond },
      copy: { seconds: r.copy.seconds, rows_per_s: r.copy.rowsPerSecond },
      copy_into_records: { seconds: r.copyIntoRecords.seconds, rows_per_s: r.copyIntoRecords.rowsPerSecond, rows_per_statement: r.batchRows },
      copy_into_records_one_statement: { seconds: r.copyIntoRecordsOneStatement.seconds, rows_per_s: r.copyIntoRecordsOneStatement.rowsPerSecond, rows_per_statement: r.rows },
      ratio_total_vs_copy: totalRatio,
      ratio_vs_copy_one_statement: oneStatementRatio,
      errors: { preview_invalid: r.previewInvalid, not_saved: r.notSaved, records_written: r.recordsWritten, audit_rows_written: r.auditRowsWritten },
      commit_seconds_first_batch: r.commitSecondsFirst,
      commit_seconds_last_batch: r.commitSecondsLast,
      load_average_1m: { before: r.loadBefore, after: r.loadAfter },
      note:
        "import_ratio_vs_copy = commit rows/s ÷ rows/s of a COPY of the same rows into records itself (copy_into_records: the table the import writes, " +
        `with its indexes, foreign keys and dashboard triggers, ids from its identity, one COPY statement per ${r.batchRows} rows as the import writes one statement per upload ` +
        "(the triggers are statement-level), in one transaction rolled back, the rollback not timed; copy_into_records_one_statement: the same in one COPY statement, " +
        "which does the dashboard triggers' work once for all the rows); " +
        "import_ratio_vs_plain_copy = commit rows/s ÷ plain COPY rows/s (copy: into an unlogged table without index, constraint or trigger, one transaction). " +
        "The COPYs take the rows already resolved to the records' columns, after the import. " +
        "The ratios do not include parsing (parse + preview is its own phase; ratio_total_vs_copy = total ÷ copy_into_records includes it). " +
        `The importer takes at most ${r.batchRows} rows an upload, so the rows go in as ${r.batches} CSV uploads, each previewed then committed (valid_only).`,
    },
  };
}
