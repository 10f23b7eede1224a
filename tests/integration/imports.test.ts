import { readFileSync } from "node:fs";
import path from "node:path";
import { and, count, eq, inArray, isNotNull, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, categories, importBatches, records, type User } from "@/db/schema";
import { Conflict, Forbidden, NotFound } from "@/lib/errors";
import { commitImport, decodeText, getImportBatch, ImportRefused, importLimits, previewImport, stripQuotedReply, type ImportFile } from "@/lib/services/imports";
import { queryRows } from "@/db/client";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { createUser, viewerOf } from "../helpers/factories";

const fixtures = path.join(process.cwd(), "tests", "fixtures", "imports");
const fixture = (fileName: string): ImportFile => ({ fileName, bytes: new Uint8Array(readFileSync(path.join(fixtures, fileName))) });
const csv = (text: string, fileName = "inline.csv"): ImportFile => ({ fileName, bytes: new TextEncoder().encode(text) });

let t: TestDatabase;
let specialist: User;
let otherSpecialist: User;
let agent: User;

beforeAll(async () => {
  t = await createTestDatabase();
  specialist = await createUser(t.db, "specialist");
  otherSpecialist = await createUser(t.db, "specialist");
  agent = await createUser(t.db, "agent");
});
afterAll(async () => {
  await t?.close();
});

async function tableCounts() {
  const [[r], [b], [a]] = await Promise.all([
    t.db.select({ n: count() }).from(records),
    t.db.select({ n: count() }).from(importBatches),
    t.db.select({ n: count() }).from(auditLog),
  ]);
  return { records: r.n, batches: b.n, audit: a.n };
}

async function categoryId(code: string): Promise<number> {
  const [row] = await t.db.select({ id: categories.id }).from(categories).where(eq(categories.code, code));
  return row.id;
}

describe("previewing an upload", () => {
  it("finds exactly the bad rows of the CSV, with the field and message key of each problem, and writes no record", async () => {
    const before = await tableCounts();
    const preview = await previewImport(t.db, viewerOf(specialist), fixture("records-zh.csv"));

    expect(preview.format).toBe("csv");
    expect(preview.rowCount).toBe(5);
    expect(preview.validCount).toBe(3);
    expect(preview.invalidCount).toBe(2);
    // The header is row 1, as the spreadsheet shows it.
    expect(preview.rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 6]);
    expect(preview.rows.filter((r) => Object.keys(r.errors).length > 0).map((r) => [r.row, r.errors])).toEqual([
      [5, { categoryCode: ["validation.unknownCategory"] }],
      [6, { summary: ["validation.required"] }],
    ]);

    const [forum, web, mail] = preview.rows;
    expect(forum.values).toMatchObject({
      channel: "forum",
      kind: "complaint",
      categoryCode: "pin.letter",
      region: "310100",
      occurredAt: "2024-03-05T01:30:00.000Z",
      source: "信用卡论坛·用卡交流版",
      sourceUrl: "https://forum.example.cn/t/1001",
      externalId: "F-1001",
      urgency: "high",
      summary: "开卡一周后才收到密码函",
    });
    expect(web.values).toMatchObject({ channel: "internet", kind: "suggestion", categoryCode: "statement.autopay", region: "440300", occurredAt: "2024-03-06T06:05:00.000Z", urgency: "normal" });
    // Category by its English name, region in Traditional script, a date without a time.
    expect(mail.values).toMatchObject({ channel: "mailbox", categoryCode: "rewards", region: "320500", occurredAt: "2024-03-06T16:00:00.000Z", urgency: "low", sourceUrl: "" });

    const after = await tableCounts();
    expect(after.records).toBe(before.records);
    expect(after.batches).toBe(before.batches + 1);
    expect(after.audit).toBe(before.audit + 1);
    const [batch] = await t.db.select().from(importBatches).where(eq(importBatches.id, preview.batchId));
    expect(batch).toMatchObject({ createdBy: specialist.id, status: "previewed", format: "csv", fileName: "records-zh.csv", rowCount: 5, validCount: 3, committedMode: null, committedCount: null });
    expect(batch.rows).toEqual(preview.rows);
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "import.previewed"), eq(auditLog.entityId, String(preview.batchId))));
    expect(audit).toMatchObject({ actorId: specialist.id, entityType: "import_batch", data: { format: "csv", rowCount: 5, validCount: 3 } });
  });

  it("masks card numbers before the rows are even stored in the batch", async () => {
    const preview = await previewImport(t.db, viewerOf(specialist), fixture("records-zh.csv"));
    const forum = preview.rows[0];
    expect(forum.masked).toBe(1);
    expect(forum.values.customerWords).toBe("激活后等了十天才收到密码函，卡号 ************7894 一直不能刷卡。\n希望能在电话里直接设置密码。");
    const [batch] = await t.db.select().from(importBatches).where(eq(importBatches.id, preview.batchId));
    expect(JSON.stringify(batch.rows)).not.toContain("6222");
  });

  it("flags rows repeated in the file, by external id or by the same summary from the same source", async () => {
    const preview = await previewImport(
      t.db,
      viewerOf(specialist),
      csv(
        [
          "externalId,channel,kind,category,summary,source",
          "D-1,forum,complaint,fees.annual,年费没有减免,论坛",
          "D-1,forum,complaint,fees.annual,年费扣了两次,论坛",
          "D-3,forum,complaint,fees.annual,年费没有减免,论坛",
          "D-4,forum,complaint,fees.annual,年费没有减免,微博",
        ].join("\n"),
      ),
    );
    expect(preview.rows.map((r) => r.errors)).toEqual([{}, { _row: ['import.duplicateRow|{"row":2}'] }, { _row: ['import.duplicateRow|{"row":2}'] }, {}]);
    expect(preview.validCount).toBe(2);
  });

  it("accepts labels in Chinese for kind, channel and urgency, and says which values are not allowed", async () => {
    const preview = await previewImport(
      t.db,
      viewerOf(specialist),
      csv(["类型,渠道,分類,摘要,紧急程度,链接,时间", "業務聯繫,網際網路,催收,催收电话太频繁,非常紧急,,2024年3月5日 14:30", "咨询,微信,催收,催收电话太多,很急,ftp://x.example.com,明天"].join("\n")),
    );
    expect(preview.rows[0].values).toMatchObject({ kind: "business_contact", channel: "internet", categoryCode: "collections", urgency: "critical", occurredAt: "2024-03-05T06:30:00.000Z" });
    expect(preview.rows[0].errors).toEqual({});
    expect(preview.rows[1].errors).toEqual({
      kind: ["validation.invalidOption"],
      channel: ["validation.invalidOption"],
      urgency: ["validation.invalidOption"],
      sourceUrl: ["validation.invalidUrl"],
      occurredAt: ["validation.invalidDate"],
    });
  });

  it("decodes a GB18030 export from Chinese Excel", async () => {
    const bytes = fixture("records-gb18030.csv").bytes;
    expect(new TextDecoder("utf-8").decode(bytes)).toContain("\ufffd");
    expect(decodeText(bytes).split("\r\n")[0]).toBe("编号,渠道,类型,分类,地区,时间,来源,摘要,客户原话");

    const preview = await previewImport(t.db, viewerOf(specialist), fixture("records-gb18030.csv"));
    expect(preview.validCount).toBe(2);
    expect(preview.rows[0].values).toMatchObject({
      externalId: "G-2001",
      channel: "internet",
      kind: "complaint",
      categoryCode: "service.waiting",
      region: "320500",
      source: "知乎 信用卡话题",
      summary: "热线排队超过二十分钟",
      customerWords: "周一早上打客服热线，排队二十多分钟才接通。",
    });
    expect(preview.rows[1].values).toMatchObject({ channel: "mailbox", kind: "suggestion", categoryCode: "statement.delivery", region: "330100" });
  });

  it("reads the first worksheet of an Excel file: dates, rich text and links", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("调研结果");
    workbook.addWorksheet("说明").addRow(["这张表不会被读取"]);
    sheet.addRow(["kind", "category", "region", "summary", "customerWords", "channel", "occurredAt", "urgency", "externalId", "sourceUrl"]);
    sheet.addRow(["suggestion", "分期付款", "湖北省武汉市", "希望分期可以提前结清", { richText: [{ text: "提前还款" }, { text: "手续费不退" }] }, "调研", new Date(Date.UTC(2024, 2, 10, 9, 0)), "low", "SV-2024Q1-00001", { text: "问卷", hyperlink: "https://survey.example.cn/q/1" }]);
    sheet.addRow([]);
    sheet.addRow(["praise", "service.attitude", "", "客服耐心", "", "survey", "2024-03-11", "", 2, ""]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());

    const preview = await previewImport(t.db, viewerOf(specialist), { fileName: "survey.xlsx", bytes });
    expect(preview.format).toBe("xlsx");
    expect(preview.rows.map((r) => r.row)).toEqual([2, 4]);
    expect(preview.rows[0].errors).toEqual({});
    expect(preview.rows[0].values).toMatchObject({
      kind: "suggestion",
      categoryCode: "instalment",
      region: "420100",
      customerWords: "提前还款手续费不退",
      channel: "survey",
      // Excel's 09:00 is the center's 09:00.
      occurredAt: "2024-03-10T01:00:00.000Z",
      externalId: "SV-2024Q1-00001",
      // The link's target, not the word the cell shows.
      sourceUrl: "https://survey.example.cn/q/1",
    });
    expect(preview.rows[1].values).toMatchObject({ kind: "praise", categoryCode: "service.attitude", externalId: "2", occurredAt: "2024-03-10T16:00:00.000Z" });
  });

  it("reads e-mails: sender, subject, date, message id and the body without the quoted reply", async () => {
    const preview = await previewImport(t.db, viewerOf(specialist), {
      files: [fixture("mailbox-1.eml"), fixture("mailbox-2.eml")],
      defaults: { kind: "complaint", categoryCode: "instalment" },
    });
    expect(preview.format).toBe("eml");
    expect(preview.fileName).toBe("mailbox-1.eml, mailbox-2.eml");
    expect(preview.validCount).toBe(2);
    const [first, second] = preview.rows;
    expect(first).toMatchObject({ row: 1, file: "mailbox-1.eml", errors: {} });
    expect(first.values).toMatchObject({
      channel: "mailbox",
      kind: "complaint",
      categoryCode: "instalment",
      source: "李明 <li.ming@example.com>",
      summary: "分期手续费为什么这么高",
      occurredAt: "2024-03-05T02:15:00.000Z",
      externalId: "<20240305101500.1234@mail.example.com>",
      customerWords: "你好：\n\n我上个月办了 12 期分期，手续费比宣传页上写的高了不少。\n请解释一下费率是怎么算的。\n\n李明",
    });
    // A GB2312 message: encoded-word subject and body decoded, English reply header cut.
    expect(second.values).toMatchObject({
      source: "王芳 <wang.fang@example.net>",
      summary: "信用额度调整申请没有回音",
      occurredAt: "2024-03-06T13:40:12.000Z",
      externalId: "<CAF=a1b2c3@mail.example.net>",
      customerWords: "两周前在网银申请提高信用额度，到现在没有任何回复。",
    });
  });

  it("without defaults, an e-mail needs a kind and a category", async () => {
    const preview = await previewImport(t.db, viewerOf(specialist), [fixture("mailbox-2.eml")]);
    expect(preview.rows[0].errors).toEqual({ kind: ["validation.required"], categoryCode: ["validation.required"] });
  });

  it("strips quoted history and signatures, and caps the words at the record's limit", async () => {
    expect(stripQuotedReply("好的\n\n在 2024年3月1日 写道：\n> 原文")).toBe("好的");
    expect(stripQuotedReply("Thanks\n-- \nLi Ming\n138 0000 0000")).toBe("Thanks");
    const long = `From: a@example.com\r\nSubject: long\r\nMessage-ID: <long@example.com>\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n${"很".repeat(5000)}\r\n`;
    const preview = await previewImport(t.db, viewerOf(specialist), { files: [{ fileName: "long.eml", bytes: new TextEncoder().encode(long) }], defaults: { kind: "suggestion", categoryCode: "other" } });
    expect([...preview.rows[0].values.customerWords]).toHaveLength(4000);
    expect(preview.rows[0].errors).toEqual({});
  });

  it("refuses an upload over 5 MB or over 5,000 rows, and an unknown format, writing nothing", async () => {
    const before = await tableCounts();
    const big = { fileName: "big.csv", bytes: new Uint8Array(importLimits.maxBytes + 1).fill(0x41) };
    const tooLarge = await previewImport(t.db, viewerOf(specialist), big).catch((e: unknown) => e);
    expect(tooLarge).toBeInstanceOf(ImportRefused);
    expect((tooLarge as ImportRefused).reason).toBe("tooLarge");

    const lines = ["summary,category,kind,channel", ...Array.from({ length: importLimits.maxRows + 1 }, (_, i) => `第${i}条,other,suggestion,forum`)];
    const tooMany = await previewImport(t.db, viewerOf(specialist), csv(lines.join("\n"))).catch((e: unknown) => e);
    expect((tooMany as ImportRefused).reason).toBe("tooManyRows");

    const xls = await previewImport(t.db, viewerOf(specialist), { fileName: "old.xls", bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]) }).catch((e: unknown) => e);
    expect((xls as ImportRefused).reason).toBe("unsupportedFormat");

    const mixed = await previewImport(t.db, viewerOf(specialist), [fixture("mailbox-1.eml"), fixture("records-zh.csv")]).catch((e: unknown) => e);
    expect((mixed as ImportRefused).reason).toBe("mixedFormats");
    expect(await tableCounts()).toEqual(before);
  });

  it("accepts exactly 5,000 rows and commits them in one go", async () => {
    const lines = ["summary,category,kind,channel", ...Array.from({ length: importLimits.maxRows }, (_, i) => `边界第${i}条,other,suggestion,forum`)];
    const preview = await previewImport(t.db, viewerOf(specialist), csv(lines.join("\n")));
    expect(preview.rowCount).toBe(5000);
    expect(preview.validCount).toBe(5000);
    const before = await tableCounts();
    const result = await commitImport(t.db, viewerOf(specialist), { batchId: preview.batchId, mode: "all_or_nothing" });
    expect(result.savedCount).toBe(5000);
    const after = await tableCounts();
    expect(after.records - before.records).toBe(5000);
    expect(after.audit - before.audit).toBe(5001);
  });

  it("is refused to an agent, with nothing written", async () => {
    const before = await tableCounts();
    await expect(previewImport(t.db, viewerOf(agent), fixture("records-zh.csv"))).rejects.toBeInstanceOf(Forbidden);
    for (const role of ["supervisor", "manager", "admin"] as const) {
      const user = await createUser(t.db, role);
      await expect(previewImport(t.db, viewerOf(user), fixture("records-zh.csv"))).rejects.toBeInstanceOf(Forbidden);
    }
    expect(await tableCounts()).toEqual(before);
  });
});

describe("committing a batch", () => {
  it("all or nothing: with invalid rows it saves nothing, says how many, and the batch stays previewed", async () => {
    const preview = await previewImport(t.db, viewerOf(specialist), fixture("records-zh.csv"));
    const before = await tableCounts();
    const refused = await commitImport(t.db, viewerOf(specialist), { batchId: preview.batchId, mode: "all_or_nothing" }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ImportRefused);
    expect((refused as ImportRefused).reason).toBe("invalidRows");
    expect((refused as ImportRefused).values).toEqual({ count: 2 });
    expect((refused as ImportRefused).message).toContain("2");
    expect(await tableCounts()).toEqual(before);
    const [batch] = await t.db.select().from(importBatches).where(eq(importBatches.id, preview.batchId));
    expect(batch.status).toBe("previewed");
    expect(batch.committedCount).toBeNull();
  });

  it("valid only: saves exactly the valid rows, each with its audit row, then one import.committed", async () => {
    const viewer = viewerOf(specialist);
    const preview = await previewImport(t.db, viewer, fixture("records-zh.csv"));
    const before = await tableCounts();
    const result = await commitImport(t.db, viewer, { batchId: preview.batchId, mode: "valid_only" });

    expect(result.savedCount).toBe(3);
    expect(result.skippedRows).toEqual([5, 6]);
    const saved = await t.db.select().from(records).where(inArray(records.id, result.recordIds)).orderBy(records.id);
    expect(saved.map((r) => r.externalId)).toEqual(["F-1001", "F-1002", "F-1003"]);
    expect(saved[0]).toMatchObject({
      kind: "complaint",
      channel: "forum",
      categoryId: await categoryId("pin.letter"),
      regionCode: "310100",
      siteId: specialist.siteId,
      teamId: null,
      authorId: specialist.id,
      status: "new",
      valuable: false,
      urgency: "high",
      source: "信用卡论坛·用卡交流版",
      sourceUrl: "https://forum.example.cn/t/1001",
      occurredAt: new Date("2024-03-05T01:30:00.000Z"),
      // Complaints run on the regulator's 15-day clock from when they happened.
      dueAt: new Date("2024-03-20T01:30:00.000Z"),
    });
    expect(saved[0].customerWords).toContain("************7894");
    expect(saved[0].customerWords).not.toContain("6222");
    expect(saved[1]).toMatchObject({ kind: "suggestion", channel: "internet", dueAt: null, regionCode: "440300", categoryId: await categoryId("statement.autopay") });
    expect(saved[2]).toMatchObject({ channel: "mailbox", sourceUrl: null, regionCode: "320500", categoryId: await categoryId("rewards"), urgency: "low" });

    const after = await tableCounts();
    expect(after.records).toBe(before.records + 3);
    expect(after.audit).toBe(before.audit + 4);
    const created = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "record.created"), inArray(auditLog.entityId, result.recordIds.map(String))))
      .orderBy(auditLog.id);
    expect(created.map((a) => a.data)).toEqual([
      { channel: "forum", via: "import", batchId: preview.batchId, row: 2, masked: 1 },
      { channel: "internet", via: "import", batchId: preview.batchId, row: 3 },
      { channel: "mailbox", via: "import", batchId: preview.batchId, row: 4 },
    ]);
    expect(created.every((a) => a.actorId === specialist.id && a.actorRole === "specialist" && a.entityType === "record")).toBe(true);
    const committedAudit = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "import.committed"), eq(auditLog.entityId, String(preview.batchId))));
    expect(committedAudit).toHaveLength(1);
    expect(committedAudit[0]).toMatchObject({ actorId: specialist.id, entityType: "import_batch", data: { mode: "valid_only", savedCount: 3, skippedCount: 2, format: "csv" } });

    const batch = await getImportBatch(t.db, viewer, preview.batchId);
    expect(batch).toMatchObject({ status: "committed", committedMode: "valid_only", committedCount: 3 });
    expect(batch.committedAt).toBeInstanceOf(Date);
    expect(batch.rows.map((r) => r.recordId)).toEqual([...result.recordIds, undefined, undefined]);
  });

  it("refuses to commit the same batch twice", async () => {
    const viewer = viewerOf(specialist);
    const preview = await previewImport(t.db, viewer, fixture("records-gb18030.csv"));
    await commitImport(t.db, viewer, { batchId: preview.batchId, mode: "all_or_nothing" });
    const before = await tableCounts();
    await expect(commitImport(t.db, viewer, { batchId: preview.batchId, mode: "valid_only" })).rejects.toBeInstanceOf(Conflict);
    await expect(commitImport(t.db, viewer, { batchId: preview.batchId, mode: "all_or_nothing" })).rejects.toBeInstanceOf(Conflict);
    expect(await tableCounts()).toEqual(before);
  });

  it("all or nothing saves every row of a clean batch", async () => {
    const viewer = viewerOf(specialist);
    const preview = await previewImport(t.db, viewer, { files: [fixture("mailbox-1.eml"), fixture("mailbox-2.eml")], defaults: { kind: "complaint", categoryCode: "instalment" } });
    const result = await commitImport(t.db, viewer, { batchId: preview.batchId, mode: "all_or_nothing" });
    expect(result.savedCount).toBe(2);
    const saved = await t.db.select().from(records).where(inArray(records.id, result.recordIds)).orderBy(records.id);
    expect(saved.map((r) => [r.channel, r.source, r.summary, r.externalId])).toEqual([
      ["mailbox", "李明 <li.ming@example.com>", "分期手续费为什么这么高", "<20240305101500.1234@mail.example.com>"],
      ["mailbox", "王芳 <wang.fang@example.net>", "信用额度调整申请没有回音", "<CAF=a1b2c3@mail.example.net>"],
    ]);
  });

  it("a second upload of e-mails already imported flags them instead of saving them twice", async () => {
    const preview = await previewImport(t.db, viewerOf(specialist), { files: [fixture("mailbox-1.eml")], defaults: { kind: "complaint", categoryCode: "instalment" } });
    expect(preview.rows[0].errors).toEqual({ externalId: ["import.alreadyImported"] });
    await expect(commitImport(t.db, viewerOf(specialist), { batchId: preview.batchId, mode: "valid_only" })).rejects.toMatchObject({ reason: "noValidRows" });
  });

  it("another specialist cannot commit (or see) someone else's batch", async () => {
    const preview = await previewImport(t.db, viewerOf(specialist), csv("summary,category,kind,channel\n别人的批次,other,suggestion,forum"));
    const before = await tableCounts();
    await expect(commitImport(t.db, viewerOf(otherSpecialist), { batchId: preview.batchId, mode: "valid_only" })).rejects.toBeInstanceOf(NotFound);
    await expect(getImportBatch(t.db, viewerOf(otherSpecialist), preview.batchId)).rejects.toBeInstanceOf(NotFound);
    await expect(commitImport(t.db, viewerOf(specialist), { batchId: 999_999, mode: "valid_only" })).rejects.toBeInstanceOf(NotFound);
    expect(await tableCounts()).toEqual(before);
    const [batch] = await t.db.select().from(importBatches).where(eq(importBatches.id, preview.batchId));
    expect(batch.status).toBe("previewed");
  });

  it("an agent cannot commit, with nothing written", async () => {
    const preview = await previewImport(t.db, viewerOf(specialist), csv("summary,category,kind,channel\n座席不能提交,other,suggestion,forum"));
    const before = await tableCounts();
    await expect(commitImport(t.db, viewerOf(agent), { batchId: preview.batchId, mode: "valid_only" })).rejects.toBeInstanceOf(Forbidden);
    expect(await tableCounts()).toEqual(before);
  });

  it("refuses, saving nothing, when a row's category was retired after the preview", async () => {
    const viewer = viewerOf(specialist);
    const preview = await previewImport(t.db, viewer, csv("summary,category,kind,channel\n营销短信太多,marketing,complaint,internet\n活动规则不清楚,rewards,complaint,internet"));
    await t.db.update(categories).set({ active: false }).where(eq(categories.code, "marketing"));
    try {
      const before = await tableCounts();
      const refused = await commitImport(t.db, viewer, { batchId: preview.batchId, mode: "valid_only" }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(Conflict);
      expect((refused as Conflict).message).toContain("2");
      expect(await tableCounts()).toEqual(before);
    } finally {
      await t.db.update(categories).set({ active: true }).where(eq(categories.code, "marketing"));
    }
  });
});

describe("committing a large batch, and commits that race", () => {
  const channels = ["forum", "internet", "mailbox", "survey", "hotline"] as const;
  const kinds = ["complaint", "suggestion", "business_contact", "service_record", "praise"] as const;
  const regionCodes = ["310100", "440300", "320500", ""];

  /** `n` rows over every channel and kind, many categories, days and regions; every 7th with a card number. */
  async function largeCsv(prefix: string, n: number): Promise<ImportFile> {
    const leaves = await t.db.select({ code: categories.code }).from(categories).where(and(eq(categories.active, true), isNotNull(categories.parentId)));
    const lines = ["externalId,channel,kind,category,region,occurredAt,summary,customerWords,urgency"];
    for (let i = 0; i < n; i++) {
      const words = i % 7 === 0 ? "卡号 6222 0212 3456 7894 被扣了两次年费" : `第${i}位客户说等了很久`;
      const day = String(1 + (i % 28)).padStart(2, "0");
      const time = `${String(i % 24).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}`;
      lines.push(
        [`${prefix}-${i}`, channels[i % 5], kinds[(i * 3) % 5], leaves[i % leaves.length].code, regionCodes[i % 4], `2024-05-${day} ${time}`, `${prefix} 第${i}条`, words, i % 9 === 0 ? "high" : ""].join(","),
      );
    }
    return csv(lines.join("\n"), `${prefix}.csv`);
  }

  it("saves 2,400 rows as the preview showed them, each with its audit row, the batch marked, and the dashboard cells equal to the records", async () => {
    const viewer = viewerOf(specialist);
    const preview = await previewImport(t.db, viewer, await largeCsv("L", 2400));
    expect(preview.validCount).toBe(2400);
    const before = await tableCounts();

    const result = await commitImport(t.db, viewer, { batchId: preview.batchId, mode: "valid_only" });

    expect(result.savedCount).toBe(2400);
    expect(result.skippedRows).toEqual([]);
    expect(new Set(result.recordIds).size).toBe(2400);
    const after = await tableCounts();
    expect(after.records - before.records).toBe(2400);
    expect(after.audit - before.audit).toBe(2401);

    const categoryIds = new Map((await t.db.select({ id: categories.id, code: categories.code }).from(categories)).map((c) => [c.code, c.id]));
    const saved = new Map((await t.db.select().from(records).where(inArray(records.id, result.recordIds))).map((r) => [r.id, r]));
    preview.rows.forEach((row, i) => {
      const record = saved.get(result.recordIds[i])!;
      const v = row.values;
      const occurredAt = new Date(v.occurredAt);
      expect(record).toMatchObject({
        externalId: v.externalId,
        kind: v.kind,
        channel: v.channel,
        categoryId: categoryIds.get(v.categoryCode),
        regionCode: v.region || null,
        summary: v.summary,
        customerWords: v.customerWords,
        urgency: v.urgency,
        occurredAt,
        dueAt: v.kind === "complaint" ? new Date(occurredAt.getTime() + 15 * 86_400_000) : null,
        siteId: specialist.siteId,
        authorId: specialist.id,
        status: "new",
      });
    });
    // The masked text is what was stored: no card number reached the records.
    const masked = [...saved.values()].filter((r) => r.customerWords.includes("************7894"));
    expect(masked).toHaveLength(Math.ceil(2400 / 7));
    expect([...saved.values()].some((r) => r.customerWords.includes("6222"))).toBe(false);

    const created = await t.db
      .select({ entityId: auditLog.entityId, data: auditLog.data, actorId: auditLog.actorId })
      .from(auditLog)
      .where(and(eq(auditLog.action, "record.created"), inArray(auditLog.entityId, result.recordIds.map(String))));
    const byRecord = new Map(created.map((a) => [Number(a.entityId), a]));
    expect(byRecord.size).toBe(2400);
    preview.rows.forEach((row, i) => {
      const audit = byRecord.get(result.recordIds[i])!;
      expect(audit.actorId).toBe(specialist.id);
      expect(audit.data).toEqual({ channel: row.values.channel, via: "import", batchId: preview.batchId, row: row.row, ...(row.masked > 0 ? { masked: row.masked } : {}) });
    });

    // Which record each row became is kept once, in the commit's audit row, and shown with the batch.
    const [committed] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "import.committed"), eq(auditLog.entityId, String(preview.batchId))));
    expect(committed.data).toMatchObject({ savedCount: 2400, skippedCount: 0, recordIds: result.recordIds });
    const batch = await getImportBatch(t.db, viewer, preview.batchId);
    expect(batch).toMatchObject({ status: "committed", committedCount: 2400, committedMode: "valid_only" });
    expect(batch.rows.map((r) => r.recordId)).toEqual(result.recordIds);
    expect(batch.rows.map(({ recordId: _, ...r }) => r)).toEqual(preview.rows);

    const [{ m }] = await queryRows<{ m: number }>(t.db, sql`select voc_dashboard_cell_mismatches()::int as m`);
    expect(m).toBe(0);
  });

  it("refuses, naming the row and saving nothing, when another import saved a row's external id after the preview", async () => {
    const viewer = viewerOf(specialist);
    const first = await previewImport(t.db, viewer, csv("externalId,summary,category,kind,channel\nS-1,第一批的一条,other,suggestion,forum\nS-2,第一批的另一条,other,suggestion,forum"));
    const second = await previewImport(t.db, viewer, csv("externalId,summary,category,kind,channel\nS-3,第二批的一条,other,suggestion,forum\nS-1,第二批重复的一条,other,suggestion,forum\nS-2,换了渠道的一条,other,suggestion,survey"));
    expect(second.validCount).toBe(3);
    await commitImport(t.db, viewer, { batchId: first.batchId, mode: "valid_only" });

    const before = await tableCounts();
    const refused = await commitImport(t.db, viewer, { batchId: second.batchId, mode: "valid_only" }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Conflict);
    // Row 3 (S-1 on the forum) is taken; row 4 is S-2 on another channel than the saved one, which is allowed.
    expect((refused as Conflict).message).toContain("Rows 3 are no longer valid");
    expect(await tableCounts()).toEqual(before);
    const [batch] = await t.db.select().from(importBatches).where(eq(importBatches.id, second.batchId));
    expect(batch.status).toBe("previewed");
  });

  /** Two commits started together (on the server, on two connections): the one that failed, after checking one did not. */
  async function oneOfTwoFails(first: Promise<unknown>, second: Promise<unknown>): Promise<unknown> {
    const outcomes = await Promise.allSettled([first, second]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const [rejected] = outcomes.filter((o) => o.status === "rejected");
    return rejected.reason;
  }

  it("two commits of the same batch at once: one saves it, the other is told it is already committed", async () => {
    const viewer = viewerOf(specialist);
    const preview = await previewImport(t.db, viewer, await largeCsv("D", 300));
    const before = await tableCounts();
    const refused = await oneOfTwoFails(
      commitImport(t.db, viewer, { batchId: preview.batchId, mode: "valid_only" }),
      commitImport(t.db, viewer, { batchId: preview.batchId, mode: "all_or_nothing" }),
    );
    expect(refused).toBeInstanceOf(Conflict);
    expect((refused as Conflict).message).toContain("already been committed");
    expect((await tableCounts()).records - before.records).toBe(300);
  });

  it("two batches with the same external id committed at once: one saves, the other is refused with nothing of it saved", async () => {
    const viewer = viewerOf(specialist);
    const [a, b] = await Promise.all([previewImport(t.db, viewer, await largeCsv("R", 400)), previewImport(t.db, viewer, await largeCsv("R", 400))]);
    expect([a.validCount, b.validCount]).toEqual([400, 400]);
    const before = await tableCounts();
    const refused = await oneOfTwoFails(
      commitImport(t.db, viewer, { batchId: a.batchId, mode: "valid_only" }),
      commitImport(t.db, viewer, { batchId: b.batchId, mode: "valid_only" }),
    );
    expect(refused).toBeInstanceOf(Conflict);
    expect((refused as Conflict).message).toContain("preview the file again");
    expect((await tableCounts()).records - before.records).toBe(400);
    const statuses = await t.db.select({ status: importBatches.status }).from(importBatches).where(inArray(importBatches.id, [a.batchId, b.batchId]));
    expect(statuses.map((s) => s.status).sort()).toEqual(["committed", "previewed"]);
  });
});
