import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import PostalMime, { type Address } from "postal-mime";
import { z } from "zod";
import type { Database, Executor } from "@/db/client";
import { auditLog, categories, importBatches, records, type Category, type ImportBatch } from "@/db/schema";
import { Conflict, ExpectedError, NotFound } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import { maskSensitive } from "@/lib/pii";
import { getRegion, resolveRegionName } from "@/lib/regions";
import { channelRecordInput, recordLimits, type ChannelRecordInput } from "@/lib/validation/record";
import { errorKeyMap, messageKey } from "@/lib/validation/errors";
import type { Viewer } from "@/lib/viewer";
import { writeBatchRecords } from "./imports-write";

/**
 * Other-channel intake in bulk: a CSV or Excel export, or a handful of e-mails, is read,
 * checked row by row exactly as a single record would be, and kept as a batch the specialist
 * looks at before anything becomes a record. Nothing is written to `records` until commit.
 */

export const importLimits = {
  /** Per upload, all files together. */
  maxBytes: 5 * 1024 * 1024,
  maxRows: 5000,
} as const;

export const importFormats = ["csv", "xlsx", "eml"] as const;
export type ImportFormat = (typeof importFormats)[number];

export const importModes = ["all_or_nothing", "valid_only"] as const;
export type ImportMode = (typeof importModes)[number];

/** The columns an import may fill, in the order the preview shows them. */
export const importFields = [
  "channel",
  "kind",
  "categoryCode",
  "region",
  "occurredAt",
  "source",
  "sourceUrl",
  "externalId",
  "urgency",
  "summary",
  "customerWords",
] as const;
export type ImportField = (typeof importFields)[number];
export type ImportValues = Record<ImportField, string>;

export const importChannels = ["forum", "internet", "mailbox", "survey", "hotline"] as const;
export type ImportChannel = (typeof importChannels)[number];

export interface ImportFile {
  fileName: string;
  bytes: Uint8Array;
}

/** What the uploader chose for rows that leave a column empty (e-mails have no kind or category). */
export interface ImportDefaults {
  channel?: ImportChannel;
  kind?: ChannelRecordInput["kind"];
  categoryCode?: string;
}

/** One row as the preview shows it: normalized values (masked), and message keys by field. */
export interface ImportRow {
  row: number;
  /** The e-mail file a row came from (several e-mails make one batch). */
  file?: string;
  values: ImportValues;
  /** Field → message keys (`validation.required`, `import.duplicateRow|{"row":3}`); `_row` for the row as a whole. */
  errors: Record<string, string[]>;
  /** Card or ID numbers masked in the summary and the customer's words. */
  masked: number;
  /** Set on commit for the rows that became records. */
  recordId?: number;
}

export interface ImportPreview {
  batchId: number;
  format: ImportFormat;
  fileName: string;
  rowCount: number;
  validCount: number;
  invalidCount: number;
  rows: ImportRow[];
}

export interface ImportCommitResult {
  batchId: number;
  mode: ImportMode;
  savedCount: number;
  skippedRows: number[];
  recordIds: number[];
}

export type ImportRefusal =
  | "empty"
  | "tooLarge"
  | "tooManyRows"
  | "unsupportedFormat"
  | "mixedFormats"
  | "unreadable"
  | "noHeader"
  | "noRows"
  | "invalidRows"
  | "noValidRows";

/** An upload or a commit that cannot go ahead as asked; `reason` and `values` let the UI say why. */
export class ImportRefused extends ExpectedError {
  override readonly status: number;
  override readonly code = "import_refused";
  constructor(
    readonly reason: ImportRefusal,
    readonly values: Record<string, string | number> = {},
    message = defaultRefusalMessage(reason, values),
  ) {
    super(message);
    this.status = reason === "tooLarge" ? 413 : 422;
  }
}

function defaultRefusalMessage(reason: ImportRefusal, values: Record<string, string | number>): string {
  switch (reason) {
    case "tooLarge":
      return `上传超过 ${values.maxMb} MB。The upload is larger than ${values.maxMb} MB.`;
    case "tooManyRows":
      return `超过 ${values.max} 行。The file has more than ${values.max} rows.`;
    case "invalidRows":
      return `${values.count} 行有错误，未保存任何记录。${values.count} rows are invalid; nothing was saved.`;
    default:
      return `无法导入（${reason}）。The import cannot go ahead (${reason}).`;
  }
}

// ---------------------------------------------------------------- reading files

const emlPattern = /\.eml$/i;
const xlsxPattern = /\.xlsx$/i;
const csvPattern = /\.(csv|tsv|txt)$/i;

function detectFormat(file: ImportFile): ImportFormat {
  const { bytes, fileName } = file;
  const zip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  const ole = bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  if (ole || /\.(xls|zip|rar|7z|pdf|doc|docx)$/i.test(fileName)) throw new ImportRefused("unsupportedFormat", { file: fileName });
  if (xlsxPattern.test(fileName) || zip) {
    if (!zip) throw new ImportRefused("unreadable", { file: fileName });
    return "xlsx";
  }
  if (emlPattern.test(fileName)) return "eml";
  if (csvPattern.test(fileName)) return "csv";
  const head = decodeText(bytes.subarray(0, 2048));
  if (/^(?:(?:Return-Path|Received|From|To|Subject|Date|Message-ID|MIME-Version|Delivered-To|X-[\w-]+):[^\n]*\r?\n)+/i.test(head)) return "eml";
  if (/[,\t;]/.test(head.split(/\r?\n/, 1)[0] ?? "")) return "csv";
  throw new ImportRefused("unsupportedFormat", { file: fileName });
}

/**
 * UTF-8 (with or without BOM) first; exports from Chinese Excel are GB18030/GBK, which show up
 * as replacement characters when read as UTF-8. Excel's "Unicode text" is UTF-16 with a BOM.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  const utf8 = new TextDecoder("utf-8").decode(bytes);
  if (!utf8.includes("\ufffd")) return utf8;
  return new TextDecoder("gb18030").decode(bytes);
}

/** Column headers people actually write, in English and either script, folded to one key. */
const headerAliases: Record<ImportField, string[]> = {
  kind: ["kind", "type", "recordkind", "类型", "類型", "型別", "记录类型", "記錄類型"],
  categoryCode: ["category", "categorycode", "分类", "分類", "分类代码", "分類代碼", "问题分类", "問題分類"],
  region: ["region", "province", "city", "地区", "地區", "省市", "省份", "城市", "客户地区", "客戶地區"],
  summary: ["summary", "title", "subject", "摘要", "标题", "標題", "主题", "主題"],
  customerWords: ["customerwords", "words", "content", "text", "body", "客户原话", "客戶原話", "原话", "原話", "内容", "內容", "正文"],
  channel: ["channel", "渠道", "来源渠道", "來源渠道"],
  source: ["source", "sender", "from", "来源", "來源", "发件人", "發件人"],
  sourceUrl: ["sourceurl", "url", "link", "链接", "鏈接", "連結", "网址", "網址"],
  occurredAt: ["occurredat", "date", "time", "datetime", "时间", "時間", "日期", "发生时间", "發生時間"],
  urgency: ["urgency", "priority", "紧急程度", "緊急程度", "紧急", "緊急", "优先级", "優先級"],
  externalId: ["externalid", "id", "编号", "編號", "外部编号", "外部編號"],
};

function foldKey(value: string): string {
  return value.normalize("NFKC").replace(/^\ufeff/, "").trim().toLowerCase().replace(/[\s_\-.:：()（）]/g, "");
}

const headerLookup = new Map<string, ImportField>(
  Object.entries(headerAliases).flatMap(([field, aliases]) => aliases.map((alias) => [foldKey(alias), field as ImportField] as const)),
);

/** Codes or labels, in English and either script. */
const kindLabels: Record<string, ChannelRecordInput["kind"]> = {
  complaint: "complaint", 投诉: "complaint", 投訴: "complaint", 投诉联系书: "complaint", 投訴聯繫書: "complaint",
  suggestion: "suggestion", 建议: "suggestion", 建議: "suggestion", 建议联系书: "suggestion", 建議聯繫書: "suggestion",
  businesscontact: "business_contact", 业务联系: "business_contact", 業務聯繫: "business_contact", 業務聯系: "business_contact", 业务联系单: "business_contact", 業務聯繫單: "business_contact",
  servicerecord: "service_record", 服务记录: "service_record", 服務記錄: "service_record",
  praise: "praise", 表扬: "praise", 表揚: "praise",
};

const channelLabels: Record<string, ImportChannel> = {
  forum: "forum", 内部论坛: "forum", 內部論壇: "forum", 论坛: "forum", 論壇: "forum",
  internet: "internet", 网际网路: "internet", 網際網路: "internet", 互联网: "internet", 互聯網: "internet", 网络: "internet", 網路: "internet",
  mailbox: "mailbox", email: "mailbox", mail: "mailbox", 对外服务邮箱: "mailbox", 對外服務郵箱: "mailbox", 邮箱: "mailbox", 郵箱: "mailbox", 邮件: "mailbox", 郵件: "mailbox",
  survey: "survey", 调研: "survey", 調研: "survey", 问卷: "survey", 問卷: "survey", 问卷调查: "survey", 問卷調查: "survey",
  hotline: "hotline", 热线: "hotline", 熱線: "hotline", "800热线": "hotline", "800熱線": "hotline",
};

const urgencyLabels: Record<string, ChannelRecordInput["urgency"]> = {
  low: "low", 低: "low",
  normal: "normal", 一般: "normal", 普通: "normal",
  high: "high", 紧急: "high", 緊急: "high", 高: "high",
  critical: "critical", 非常紧急: "critical", 非常緊急: "critical", 特急: "critical",
};

function label<T extends string>(table: Record<string, T>, raw: string): string {
  const folded = foldKey(raw);
  return folded ? (table[folded] ?? raw.trim()) : "";
}

const blankValues = Object.fromEntries(importFields.map((f) => [f, ""])) as ImportValues;

function emptyValues(): ImportValues {
  return { ...blankValues };
}

interface RawRow {
  row: number;
  file?: string;
  values: ImportValues;
}

/** A sheet's rows as text; `links` holds a cell's hyperlink target where the sheet has one. */
interface TableRow {
  row: number;
  cells: string[];
  links?: (string | undefined)[];
}

/** Header row → data rows; `row` is the number the spreadsheet shows (the header is 1 in a CSV). */
function rowsFromTable(table: TableRow[]): RawRow[] {
  const headerIndex = table.findIndex((r) => r.cells.some((c) => c.trim() !== ""));
  if (headerIndex < 0) throw new ImportRefused("noRows");
  const columns = table[headerIndex].cells.map((h) => headerLookup.get(foldKey(h)) ?? null);
  if (!columns.some((c) => c !== null)) throw new ImportRefused("noHeader");
  const rows: RawRow[] = [];
  for (const { row, cells, links } of table.slice(headerIndex + 1)) {
    if (cells.every((c) => c.trim() === "")) continue;
    const values = emptyValues();
    columns.forEach((field, i) => {
      // A link column shows a word ("帖子") and points at the page: the page is what we keep.
      const raw = field === "sourceUrl" && links?.[i] ? links[i] : cells[i];
      const cell = (raw ?? "").replace(/\r\n?/g, "\n").trim();
      // Two columns mapping to one field (内容 and 客户原话): the first non-empty wins.
      if (field && cell && !values[field]) values[field] = cell;
    });
    rows.push({ row, values });
  }
  return rows;
}

function readCsv(file: ImportFile): RawRow[] {
  const text = decodeText(file.bytes);
  // Reading twice the limit (blank lines are skipped later) is enough to know a file is too long.
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, preview: importLimits.maxRows * 2 + 10 });
  if (parsed.meta.truncated) throw new ImportRefused("tooManyRows", { max: importLimits.maxRows });
  const table = parsed.data.map((cells, i) => ({ row: i + 1, cells: cells.map(String) }));
  return rowsFromTable(table);
}

/** Excel stores wall-clock time with no zone; exceljs hands it over as that time in UTC. */
function excelDate(value: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())} ${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}`;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return excelDate(value);
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("hyperlink" in value) return typeof value.text === "string" && value.text ? value.text : value.hyperlink;
  if ("error" in value) return "";
  if ("result" in value) {
    const result = value.result;
    if (result === undefined || result === null || (typeof result === "object" && !(result instanceof Date))) return "";
    return result instanceof Date ? excelDate(result) : String(result);
  }
  return "";
}

async function readXlsx(file: ImportFile): Promise<RawRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    throw new ImportRefused("unreadable", { file: file.fileName });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ImportRefused("noRows");
  if (sheet.actualRowCount > importLimits.maxRows + 50) throw new ImportRefused("tooManyRows", { max: importLimits.maxRows });
  const table: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    const links: (string | undefined)[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const value = row.getCell(c).value;
      cells.push(cellText(value));
      links.push(value !== null && typeof value === "object" && "hyperlink" in value ? value.hyperlink : undefined);
    }
    table.push({ row: rowNumber, cells, links });
  });
  return rowsFromTable(table);
}

// Where a reply's quoted history starts, in the mail clients the center's customers use.
const replyMarkers = [
  /^-{2,}\s*(?:Original Message|原始邮件|原始郵件|原始信件|Forwarded message|转发邮件|轉寄郵件)\s*-{2,}\s*$/i,
  /^_{10,}\s*$/,
  /^On .{4,200} wrote:\s*$/i,
  /^在\s*.{4,200}(?:写道|寫道)[：:]\s*$/,
  /^(?:From|发件人|發件人|寄件者)\s*[:：]\s*.+$/i,
];

/** The customer's own words: no quoted history, no signature, no runs of blank lines. */
export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const kept: string[] = [];
  for (const line of lines) {
    if (line === "-- " || line === "--") break;
    if (replyMarkers.some((m) => m.test(line.trim()))) break;
    if (/^\s*>/.test(line)) continue;
    kept.push(line.replace(/\s+$/, ""));
  }
  return kept
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

function cap(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

function formatAddress(address: Address | undefined): string {
  if (!address) return "";
  if (address.group !== undefined) return address.group.map((m) => formatAddress(m)).join(", ");
  return address.name ? `${address.name} <${address.address}>` : address.address;
}

function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, "")
    .replace(/<blockquote[\s\S]*?<\/blockquote>/gi, "")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(p|div|li|tr|h\d)>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

async function readEml(file: ImportFile, row: number): Promise<RawRow> {
  let email: Awaited<ReturnType<typeof PostalMime.parse>>;
  try {
    email = await PostalMime.parse(file.bytes);
  } catch {
    throw new ImportRefused("unreadable", { file: file.fileName });
  }
  const words = cap(stripQuotedReply(email.text ?? (email.html ? htmlToText(email.html) : "")), recordLimits.customerWords);
  const subject = (email.subject ?? "").replace(/^\s*(?:(?:re|fw|fwd|回复|回覆|答复|转发|轉寄)\s*[:：]\s*)+/i, "").trim();
  const values = emptyValues();
  values.channel = "mailbox";
  values.source = cap(formatAddress(email.from), recordLimits.source);
  // No subject: the first line of the body says what it is about.
  values.summary = cap(subject || (words.split("\n", 1)[0] ?? "").trim(), recordLimits.summary);
  values.customerWords = words;
  values.occurredAt = email.date ?? "";
  // Kept with its angle brackets, as the mailbox gateway sends it through the API.
  values.externalId = (email.messageId ?? "").trim();
  return { row, file: file.fileName, values };
}

async function readFiles(files: readonly ImportFile[]): Promise<{ format: ImportFormat; rows: RawRow[] }> {
  if (files.length === 0 || files.every((f) => f.bytes.byteLength === 0)) throw new ImportRefused("empty");
  const total = files.reduce((sum, f) => sum + f.bytes.byteLength, 0);
  if (total > importLimits.maxBytes) throw new ImportRefused("tooLarge", { maxMb: importLimits.maxBytes / 1024 / 1024 });
  if (files.length > importLimits.maxRows) throw new ImportRefused("tooManyRows", { max: importLimits.maxRows });
  const formats = files.map(detectFormat);
  if (files.length > 1 && formats.some((f) => f !== "eml")) throw new ImportRefused("mixedFormats");
  const format = formats[0];
  let rows: RawRow[];
  if (format === "eml") {
    rows = [];
    for (const [i, file] of files.entries()) rows.push(await readEml(file, i + 1));
  } else if (format === "xlsx") {
    rows = await readXlsx(files[0]);
  } else {
    rows = readCsv(files[0]);
  }
  if (rows.length === 0) throw new ImportRefused("noRows");
  if (rows.length > importLimits.maxRows) throw new ImportRefused("tooManyRows", { max: importLimits.maxRows });
  return { format, rows };
}

// ---------------------------------------------------------------- checking rows

/**
 * A time without a zone ("2024-03-05 14:30", "2024/3/5", "2024年3月5日 14:30") is the center's
 * time (Asia/Shanghai, UTC+8 all year). Anything else is left to the schema to judge.
 */
export function normalizeInstant(raw: string): string {
  const value = raw.trim();
  if (!value) return "";
  const local = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2})[:：时時](\d{1,2})(?:[:：分](\d{1,2})(?:\.\d+)?)?秒?)?$/.exec(value);
  if (local) {
    const [, y, mo, d, h = "0", mi = "0", s = "0"] = local;
    const pad = (n: string) => n.padStart(2, "0");
    const date = new Date(`${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}+08:00`);
    return Number.isNaN(date.getTime()) ? value : date.toISOString();
  }
  const date = new Date(value);
  return /\d{4}/.test(value) && !Number.isNaN(date.getTime()) ? date.toISOString() : value;
}

interface CategoryIndex {
  byKey: Map<string, Pick<Category, "code" | "active">>;
}

async function loadCategoryIndex(db: Executor): Promise<CategoryIndex> {
  const rows = await db.select({ code: categories.code, nameHans: categories.nameHans, nameHant: categories.nameHant, nameEn: categories.nameEn, active: categories.active }).from(categories);
  const byKey = new Map<string, Pick<Category, "code" | "active">>();
  // Codes win over names; an active category wins over an inactive one of the same name.
  const ordered = [...rows].sort((a, b) => Number(b.active) - Number(a.active));
  for (const c of ordered) {
    for (const key of [c.nameHans, c.nameHant, c.nameEn]) {
      const folded = foldKey(key);
      if (!byKey.has(folded)) byKey.set(folded, c);
    }
  }
  for (const c of rows) byKey.set(foldKey(c.code), c);
  return { byKey };
}

function resolveRegionCode(input: string): string | null {
  const byCode = /^\d{6}$/.test(input) ? getRegion(input) : null;
  return (byCode ?? resolveRegionName(input, { prefer: "city" })?.region ?? null)?.code ?? null;
}

interface ExistingRecord {
  channel: string;
  externalId: string;
  summary: string;
}

async function loadExistingExternalIds(db: Executor, ids: string[]): Promise<Map<string, ExistingRecord[]>> {
  const out = new Map<string, ExistingRecord[]>();
  if (ids.length === 0) return out;
  // One statement for the upload, the ids as one parameter; looked up by (channel, external id),
  // the unique index's order, over the channels an import can fill.
  const found = await db
    .select({ channel: records.channel, externalId: records.externalId, summary: records.summary })
    .from(records)
    .where(and(inArray(records.channel, importChannels), sql`${records.externalId} in (select jsonb_array_elements_text(${JSON.stringify([...new Set(ids)])}::jsonb))`));
  for (const r of found) {
    if (r.externalId === null) continue;
    const list = out.get(r.externalId) ?? [];
    list.push({ channel: r.channel, externalId: r.externalId, summary: r.summary });
    out.set(r.externalId, list);
  }
  return out;
}

/** A pure lookup that answers each distinct input once. */
function remembered<T>(lookup: (input: string) => T): (input: string) => T {
  const answers = new Map<string, T>();
  return (input) => {
    if (!answers.has(input)) answers.set(input, lookup(input));
    return answers.get(input) as T;
  };
}

function addError(errors: Record<string, string[]>, field: string, key: string): void {
  const list = (errors[field] ??= []);
  if (!list.includes(key)) list.push(key);
}

/**
 * Every row through the same schema and the same reference checks `createRecord` makes, plus
 * what only a batch can see: a row repeated in the file, or one already imported before.
 */
async function checkRows(db: Executor, raw: RawRow[], defaults: ImportDefaults): Promise<ImportRow[]> {
  const index = await loadCategoryIndex(db);
  // The same few labels, categories and places repeat down a file: each is looked up once.
  const channelOf = remembered((v) => label(channelLabels, v));
  const kindOf = remembered((v) => label(kindLabels, v));
  const urgencyOf = remembered((v) => label(urgencyLabels, v));
  const categoryOf = remembered((v) => index.byKey.get(foldKey(v)));
  const regionCodeOf = remembered(resolveRegionCode);
  const checked: ImportRow[] = raw.map(({ row, file, values: input }) => {
    const values = { ...input };
    values.channel = channelOf(values.channel) || (defaults.channel ?? "");
    values.kind = kindOf(values.kind) || (defaults.kind ?? "");
    values.urgency = urgencyOf(values.urgency);
    values.occurredAt = normalizeInstant(values.occurredAt);
    const categoryInput = values.categoryCode || defaults.categoryCode || "";
    const category = categoryInput ? categoryOf(categoryInput) : undefined;
    values.categoryCode = category?.code ?? categoryInput;
    const summary = maskSensitive(values.summary);
    const words = maskSensitive(values.customerWords);
    values.summary = summary.text;
    values.customerWords = words.text;

    const errors: Record<string, string[]> = {};
    const candidate = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === "" ? undefined : v]));
    const parsed = channelRecordInput.safeParse(candidate, { error: errorKeyMap });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path.length > 0 ? issue.path.join(".") : "_row";
        // An empty cell of a choice (kind, channel) is missing, not a wrong choice.
        const empty = field in values && values[field as ImportField] === "";
        addError(errors, field, empty && issue.message === messageKey("invalidOption") ? messageKey("required") : issue.message);
      }
    } else {
      const d = parsed.data;
      Object.assign(values, {
        kind: d.kind,
        channel: d.channel,
        categoryCode: d.categoryCode,
        region: d.region ?? "",
        summary: d.summary,
        customerWords: d.customerWords,
        urgency: d.urgency,
        occurredAt: d.occurredAt ? d.occurredAt.toISOString() : "",
        source: d.source ?? "",
        sourceUrl: d.sourceUrl ?? "",
        externalId: d.externalId ?? "",
      } satisfies ImportValues);
    }
    if (!errors.categoryCode && values.categoryCode && (!category || !category.active)) addError(errors, "categoryCode", messageKey("unknownCategory"));
    if (!errors.region && values.region) {
      const code = regionCodeOf(values.region);
      if (code) values.region = code;
      else addError(errors, "region", messageKey("unknownRegion"));
    }
    return { row, ...(file ? { file } : {}), values, errors, masked: summary.masked + words.masked };
  });

  const firstById = new Map<string, number>();
  const firstByText = new Map<string, number>();
  for (const r of checked) {
    const id = r.values.externalId;
    if (id) {
      const first = firstById.get(id);
      if (first !== undefined) addError(r.errors, "_row", `import.duplicateRow|${JSON.stringify({ row: first })}`);
      else firstById.set(id, r.row);
    }
    if (r.values.summary) {
      const key = `${r.values.summary}\u0000${r.values.source}`;
      const first = firstByText.get(key);
      if (first !== undefined) addError(r.errors, "_row", `import.duplicateRow|${JSON.stringify({ row: first })}`);
      else firstByText.set(key, r.row);
    }
  }

  const withIds = checked.filter((r) => r.values.externalId && !r.errors.externalId);
  const existing = await loadExistingExternalIds(db, withIds.map((r) => r.values.externalId));
  for (const r of withIds) {
    const match = existing.get(r.values.externalId)?.find((e) => e.channel === r.values.channel);
    if (!match) continue;
    addError(r.errors, "externalId", match.summary === r.values.summary ? "import.alreadyImported" : messageKey("externalIdTaken"));
  }
  return checked;
}

export function isValidRow(row: ImportRow): boolean {
  return Object.keys(row.errors).length === 0;
}

// ---------------------------------------------------------------- preview and commit

/** One file, several e-mails, or files with the defaults the uploader chose. */
export type PreviewInput = ImportFile | readonly ImportFile[] | { files: readonly ImportFile[]; defaults?: ImportDefaults };

function isFileList(input: PreviewInput): input is readonly ImportFile[] {
  return Array.isArray(input);
}

function previewFiles(input: PreviewInput): { files: readonly ImportFile[]; defaults: ImportDefaults } {
  if (isFileList(input)) return { files: input, defaults: {} };
  if ("files" in input) return { files: input.files, defaults: input.defaults ?? {} };
  return { files: [input], defaults: {} };
}

/**
 * Reads an upload (one CSV or Excel file, or one or more e-mails), checks every row, and keeps
 * the result as a batch to look at before committing. Writes no record.
 */
export async function previewImport(db: Database, viewer: Viewer, input: PreviewInput): Promise<ImportPreview> {
  assertCan(viewer, "record.import");
  const { files, defaults } = previewFiles(input);
  const { format, rows: raw } = await readFiles(files);
  const rows = await checkRows(db, raw, defaults);
  const validCount = rows.filter(isValidRow).length;
  const fileName = cap(files.map((f) => f.fileName || "upload").join(", "), 255);

  const batch = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(importBatches)
      .values({ createdBy: viewer.id, fileName, format, rows, rowCount: rows.length, validCount, status: "previewed" })
      .returning({ id: importBatches.id });
    await tx.insert(auditLog).values({
      actorId: viewer.id,
      actorRole: viewer.role,
      action: "import.previewed",
      entityType: "import_batch",
      entityId: String(created.id),
      data: { format, files: files.length, rowCount: rows.length, validCount },
    });
    return created;
  });

  return { batchId: batch.id, format, fileName, rowCount: rows.length, validCount, invalidCount: rows.length - validCount, rows };
}

const storedRow = z.object({
  row: z.number().int(),
  file: z.string().optional(),
  values: z.object(Object.fromEntries(importFields.map((f) => [f, z.string()])) as Record<ImportField, z.ZodString>),
  errors: z.record(z.string(), z.array(z.string())),
  masked: z.number().int(),
  recordId: z.number().int().optional(),
});
const storedRows = z.array(storedRow);
const committedRecordIds = z.array(z.number().int());

export type ImportBatchView = Omit<ImportBatch, "rows"> & { format: ImportFormat; rows: ImportRow[] };

/** A batch as its creator sees it; anyone else's (or a missing one) is not found. */
export async function getImportBatch(db: Executor, viewer: Viewer, batchId: number): Promise<ImportBatchView> {
  assertCan(viewer, "record.import");
  const [batch] = await db
    .select()
    .from(importBatches)
    .where(and(eq(importBatches.id, batchId), eq(importBatches.createdBy, viewer.id)))
    .limit(1);
  if (!batch) throw new NotFound("import");
  const format = (importFormats as readonly string[]).includes(batch.format) ? (batch.format as ImportFormat) : "csv";
  const rows = storedRows.parse(batch.rows);
  if (batch.status !== "committed" || rows.some((r) => r.recordId !== undefined)) return { ...batch, format, rows };
  // Committed since the rows stay as previewed: the commit's audit row says which record each valid row became.
  const [committed] = await db
    .select({ data: auditLog.data })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "import_batch"), eq(auditLog.entityId, String(batch.id)), eq(auditLog.action, "import.committed")))
    .limit(1);
  const recordIds = committedRecordIds.parse(committed?.data?.recordIds ?? []);
  let next = 0;
  return { ...batch, format, rows: rows.map((r) => (isValidRow(r) && next < recordIds.length ? { ...r, recordId: recordIds[next++] } : r)) };
}

/**
 * Turns the batch into records in one transaction, each the way `createRecord` makes one (masked
 * text, the complaint clock, the author's site, an audit row), and marks the batch committed.
 * `all_or_nothing` refuses when any row is invalid; `valid_only` skips the invalid rows.
 * The rows were validated and masked by the preview and are stored so: the commit checks again
 * only what the world can change since (categories, regions, external ids taken), and writes the
 * whole batch in set-based statements in the database (./imports-write.ts), not row by row.
 */
export async function commitImport(db: Database, viewer: Viewer, input: { batchId: number; mode: ImportMode }): Promise<ImportCommitResult> {
  assertCan(viewer, "record.import");
  assertCan(viewer, "record.create");
  if (!(importModes as readonly string[]).includes(input.mode)) throw new ExpectedError("Unknown commit mode.");

  return db.transaction(async (tx) => {
    // Claims the batch: a second commit waits here on its row and then finds nothing to claim.
    const [batch] = await tx
      .update(importBatches)
      .set({ status: "committing" })
      .where(and(eq(importBatches.id, input.batchId), eq(importBatches.createdBy, viewer.id), eq(importBatches.status, "previewed")))
      .returning({ id: importBatches.id, format: importBatches.format, rowCount: importBatches.rowCount, validCount: importBatches.validCount });
    if (!batch) {
      // Someone else's batch, or none, is not found; one's own already committed is a conflict.
      await getImportBatch(tx, viewer, input.batchId);
      throw new Conflict("这批数据已经保存过了。This batch has already been committed.");
    }
    const invalidCount = batch.rowCount - batch.validCount;
    if (input.mode === "all_or_nothing" && invalidCount > 0) throw new ImportRefused("invalidRows", { count: invalidCount });
    if (batch.validCount === 0) throw new ImportRefused("noValidRows");

    // The world may have moved since the preview (a category retired, the same e-mail imported
    // by someone else): the write checks again, and saves nothing the preview did not show.
    let outcome: Awaited<ReturnType<typeof writeBatchRecords>>;
    try {
      outcome = await writeBatchRecords(tx, viewer, batch.id, input.mode);
    } catch (error) {
      // Another batch with the same external id, committed at the same moment, got there first.
      if (isExternalIdTaken(error)) throw new Conflict("部分记录刚被另一次导入保存，请重新上传预览。Some rows were just saved by another import; preview the file again.");
      throw error;
    }
    if ("stale" in outcome) {
      const stale = outcome.stale;
      throw new Conflict(`第 ${stale.join("、")} 行在预览后已失效，请重新上传预览。Rows ${stale.join(", ")} are no longer valid; preview the file again.`);
    }
    const recordIds = [...outcome.saved.values()];
    const skippedRows = outcome.skipped;
    await tx.insert(auditLog).values({
      actorId: viewer.id,
      actorRole: viewer.role,
      action: "import.committed",
      entityType: "import_batch",
      entityId: String(batch.id),
      // Which record each valid row became, in the batch's order: the batch's rows stay as previewed.
      data: { mode: input.mode, savedCount: recordIds.length, skippedCount: skippedRows.length, format: batch.format, recordIds },
    });
    return { batchId: batch.id, mode: input.mode, savedCount: recordIds.length, skippedRows, recordIds };
  });
}

/** The unique index on (channel, external id), as the driver reports it under drizzle's error. */
function isExternalIdTaken(error: unknown): boolean {
  const cause = error instanceof Error ? (error.cause as { code?: unknown; constraint?: unknown; constraint_name?: unknown } | undefined) : undefined;
  return cause?.code === "23505" && (cause.constraint ?? cause.constraint_name) === "records_channel_external_uq";
}

// ---------------------------------------------------------------- what the intake pages show

export interface CategoryOption {
  code: string;
  nameHans: string;
  nameHant: string;
  nameEn: string;
}

export interface CategoryGroup extends CategoryOption {
  children: CategoryOption[];
}

/** Active categories as a two-level tree, in the admin's order, for the intake selects. */
export async function listCategoryGroups(db: Executor): Promise<CategoryGroup[]> {
  const rows = await db
    .select({ id: categories.id, parentId: categories.parentId, code: categories.code, nameHans: categories.nameHans, nameHant: categories.nameHant, nameEn: categories.nameEn })
    .from(categories)
    .where(eq(categories.active, true))
    .orderBy(asc(categories.position), asc(categories.id));
  const option = ({ code, nameHans, nameHant, nameEn }: CategoryOption): CategoryOption => ({ code, nameHans, nameHant, nameEn });
  const groups = rows.filter((r) => r.parentId === null).map((r) => ({ ...option(r), id: r.id, children: [] as CategoryOption[] }));
  const byId = new Map(groups.map((g) => [g.id, g]));
  for (const r of rows) {
    if (r.parentId !== null) byId.get(r.parentId)?.children.push(option(r));
  }
  return groups.map(({ id: _id, ...g }) => g);
}

export interface ImportBatchSummary {
  id: number;
  fileName: string;
  format: string;
  rowCount: number;
  validCount: number;
  status: string;
  committedCount: number | null;
  createdAt: Date;
}

/** The viewer's own recent batches, newest first, to come back to a preview not yet saved. */
export async function listImportBatches(db: Executor, viewer: Viewer, limit = 10): Promise<ImportBatchSummary[]> {
  assertCan(viewer, "record.import");
  return db
    .select({
      id: importBatches.id,
      fileName: importBatches.fileName,
      format: importBatches.format,
      rowCount: importBatches.rowCount,
      validCount: importBatches.validCount,
      status: importBatches.status,
      committedCount: importBatches.committedCount,
      createdAt: importBatches.createdAt,
    })
    .from(importBatches)
    .where(eq(importBatches.createdBy, viewer.id))
    .orderBy(desc(importBatches.createdAt), desc(importBatches.id))
    .limit(limit);
}
