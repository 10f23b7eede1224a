import type { Locale } from "@/lib/i18n/config";

/**
 * The other-channel intake's own words, until they move into the message files. Labels that
 * exist there already (fields.*, recordKind.*, urgency.*, validation.*) are taken from there.
 */
export interface IntakeStrings {
  title: string;
  description: string;
  channels: Record<"forum" | "internet" | "mailbox" | "survey" | "hotline", string>;
  fields: {
    channel: string;
    region: string;
    occurredAt: string;
    source: string;
    sourceUrl: string;
    customerWords: string;
    urgency: string;
    externalId: string;
    row: string;
    errors: string;
  };
  hints: {
    region: string;
    occurredAt: string;
    source: string;
    sourceUrl: string;
    customerWords: string;
  };
  manual: {
    title: string;
    choose: string;
    general: string;
    submit: string;
    saved: string;
    savedMasked: string;
  };
  upload: {
    title: string;
    hint: string;
    files: string;
    filesHint: string;
    defaults: string;
    defaultsHint: string;
    noDefault: string;
    submit: string;
    pending: string;
    noFile: string;
    failed: string;
  };
  refusals: Record<
    "empty" | "tooLarge" | "tooManyRows" | "unsupportedFormat" | "mixedFormats" | "unreadable" | "noHeader" | "noRows" | "invalidRows" | "noValidRows",
    string
  >;
  rowErrors: Record<"duplicateRow" | "alreadyImported", string>;
  preview: {
    title: string;
    description: string;
    back: string;
    rows: string;
    valid: string;
    invalid: string;
    masked: string;
    table: string;
    showAll: string;
    showInvalid: string;
    truncated: string;
    noInvalid: string;
    commitTitle: string;
    allOrNothing: string;
    allOrNothingHelp: string;
    allOrNothingBlocked: string;
    validOnly: string;
    validOnlyHelp: string;
    validOnlySkips: string;
    pending: string;
    committedTitle: string;
    committed: string;
    committedSkipped: string;
    modes: Record<"all_or_nothing" | "valid_only", string>;
    saved: string;
    skipped: string;
    recordNumber: string;
    fromFile: string;
  };
  recent: {
    records: string;
    noRecords: string;
    imports: string;
    noImports: string;
    status: Record<"previewed" | "committed", string>;
    rowsOf: string;
  };
}

const zhHans: IntakeStrings = {
  title: "其他渠道录入",
  description: "把内部论坛、网际网路、对外服务邮箱和调研中客户的声音记下来：一条一条录入，或上传导出文件批量导入。",
  channels: { forum: "内部论坛", internet: "网际网路", mailbox: "对外服务邮箱", survey: "调研", hotline: "800 热线" },
  fields: {
    channel: "渠道",
    region: "客户地区",
    occurredAt: "发生时间",
    source: "来源",
    sourceUrl: "链接",
    customerWords: "客户原话",
    urgency: "紧急程度",
    externalId: "编号",
    row: "行",
    errors: "问题",
  },
  hints: {
    region: "省或市，简体、繁体均可，例如“广东深圳”。",
    occurredAt: "北京时间；不填则为现在。",
    source: "论坛版块、网站或发件人。",
    sourceUrl: "以 http:// 或 https:// 开头。",
    customerWords: "尽量保留客户的原话；卡号和身份证号会自动遮蔽。",
  },
  manual: {
    title: "录入一条",
    choose: "请选择…",
    general: "（综合）",
    submit: "保存",
    saved: "已保存为第 {id} 号记录。可以继续录入下一条。",
    savedMasked: "已保存为第 {id} 号记录，其中 {masked} 处卡号或证件号已遮蔽。可以继续录入下一条。",
  },
  upload: {
    title: "批量导入",
    hint: "CSV（UTF-8 或 Excel 导出的 GBK/GB18030）、Excel .xlsx（第一张工作表），或一封或多封 .eml 邮件。列名可用中文或英文：类型、分类、地区、摘要、客户原话、渠道、来源、链接、时间、紧急程度、编号。",
    files: "文件",
    filesHint: "每次最多 {maxMb} MB、{maxRows} 行。多封邮件可一起选择。",
    defaults: "文件中没有填写时使用",
    defaultsHint: "邮件没有类型和分类，论坛导出往往没有渠道：在这里选定，只用于空白的格。",
    noDefault: "不指定",
    submit: "上传并预览",
    pending: "正在读取…",
    noFile: "请选择要导入的文件。",
    failed: "上传没有成功：文件可能超过了服务器允许的大小（请拆分后分批导入），或者网络中断了。",
  },
  refusals: {
    empty: "文件是空的。",
    tooLarge: "上传的文件超过 {maxMb} MB，请拆分后分批导入。",
    tooManyRows: "文件超过 {max} 行，请拆分后分批导入。",
    unsupportedFormat: "无法识别文件“{file}”的格式。请上传 CSV、Excel .xlsx 或 .eml 邮件（旧版 .xls 请另存为 .xlsx）。",
    mixedFormats: "一次只能导入一个 CSV 或 Excel 文件；多个文件只能都是 .eml 邮件。",
    unreadable: "文件“{file}”无法读取，可能已损坏。",
    noHeader: "第一行没有可识别的列名（如 摘要、分类、类型）。",
    noRows: "文件中没有数据行。",
    invalidRows: "有 {count} 行存在错误，未保存任何记录。请修正后重新上传，或选择只保存正确的行。",
    noValidRows: "没有可以保存的行。",
  },
  rowErrors: {
    duplicateRow: "与第 {row} 行重复。",
    alreadyImported: "这一条以前已经导入过。",
  },
  preview: {
    title: "导入预览",
    description: "{file}：以下内容还没有保存。请检查标出的行，再选择保存方式。",
    back: "返回其他渠道录入",
    rows: "总行数",
    valid: "正确",
    invalid: "有错误",
    masked: "已遮蔽的卡号/证件号",
    table: "导入的行",
    showAll: "显示全部",
    showInvalid: "只看有错误的行",
    truncated: "只显示前 {shown} 行（共 {total} 行）。",
    noInvalid: "所有行都正确。",
    commitTitle: "保存",
    allOrNothing: "全部正确才保存",
    allOrNothingHelp: "{total} 行一起保存；只要有一行有错误，就一条也不保存。",
    allOrNothingBlocked: "现在有 {count} 行有错误，选择这一项将不会保存任何记录。",
    validOnly: "只保存 {count} 条正确的行",
    validOnlyHelp: "保存所有正确的行。",
    validOnlySkips: "将跳过第 {rows} 行。",
    pending: "正在保存…",
    committedTitle: "已保存",
    committed: "已于 {at} 保存 {count} 条记录（{mode}）。",
    committedSkipped: "跳过了第 {rows} 行。",
    modes: { all_or_nothing: "全部正确才保存", valid_only: "只保存正确的行" },
    saved: "已保存 {count} 条记录。",
    skipped: "未保存",
    recordNumber: "记录 #{id}",
    fromFile: "来自 {file}",
  },
  recent: {
    records: "我最近录入的记录",
    noRecords: "还没有录入过记录。",
    imports: "我最近的导入",
    noImports: "还没有导入过文件。",
    status: { previewed: "待保存", committed: "已保存" },
    rowsOf: "{valid}/{total} 行正确",
  },
};

const zhHant: IntakeStrings = {
  title: "其他渠道錄入",
  description: "把內部論壇、網際網路、對外服務郵箱和調研中客戶的聲音記下來：一條一條錄入，或上傳匯出檔案批次匯入。",
  channels: { forum: "內部論壇", internet: "網際網路", mailbox: "對外服務郵箱", survey: "調研", hotline: "800 熱線" },
  fields: {
    channel: "渠道",
    region: "客戶地區",
    occurredAt: "發生時間",
    source: "來源",
    sourceUrl: "連結",
    customerWords: "客戶原話",
    urgency: "緊急程度",
    externalId: "編號",
    row: "行",
    errors: "問題",
  },
  hints: {
    region: "省或市，簡體、繁體均可，例如「廣東深圳」。",
    occurredAt: "北京時間；不填則為現在。",
    source: "論壇版塊、網站或寄件人。",
    sourceUrl: "以 http:// 或 https:// 開頭。",
    customerWords: "盡量保留客戶的原話；卡號和身分證號會自動遮蔽。",
  },
  manual: {
    title: "錄入一條",
    choose: "請選擇…",
    general: "（綜合）",
    submit: "儲存",
    saved: "已儲存為第 {id} 號記錄。可以繼續錄入下一條。",
    savedMasked: "已儲存為第 {id} 號記錄，其中 {masked} 處卡號或證件號已遮蔽。可以繼續錄入下一條。",
  },
  upload: {
    title: "批次匯入",
    hint: "CSV（UTF-8 或 Excel 匯出的 GBK/GB18030）、Excel .xlsx（第一張工作表），或一封或多封 .eml 郵件。欄名可用中文或英文：類型、分類、地區、摘要、客戶原話、渠道、來源、連結、時間、緊急程度、編號。",
    files: "檔案",
    filesHint: "每次最多 {maxMb} MB、{maxRows} 行。多封郵件可一起選擇。",
    defaults: "檔案中沒有填寫時使用",
    defaultsHint: "郵件沒有類型和分類，論壇匯出往往沒有渠道：在這裡選定，只用於空白的格。",
    noDefault: "不指定",
    submit: "上傳並預覽",
    pending: "正在讀取…",
    noFile: "請選擇要匯入的檔案。",
    failed: "上傳沒有成功：檔案可能超過了伺服器允許的大小（請拆分後分批匯入），或者網路中斷了。",
  },
  refusals: {
    empty: "檔案是空的。",
    tooLarge: "上傳的檔案超過 {maxMb} MB，請拆分後分批匯入。",
    tooManyRows: "檔案超過 {max} 行，請拆分後分批匯入。",
    unsupportedFormat: "無法識別檔案「{file}」的格式。請上傳 CSV、Excel .xlsx 或 .eml 郵件（舊版 .xls 請另存為 .xlsx）。",
    mixedFormats: "一次只能匯入一個 CSV 或 Excel 檔案；多個檔案只能都是 .eml 郵件。",
    unreadable: "檔案「{file}」無法讀取，可能已損壞。",
    noHeader: "第一行沒有可識別的欄名（如 摘要、分類、類型）。",
    noRows: "檔案中沒有資料行。",
    invalidRows: "有 {count} 行存在錯誤，未儲存任何記錄。請修正後重新上傳，或選擇只儲存正確的行。",
    noValidRows: "沒有可以儲存的行。",
  },
  rowErrors: {
    duplicateRow: "與第 {row} 行重複。",
    alreadyImported: "這一條以前已經匯入過。",
  },
  preview: {
    title: "匯入預覽",
    description: "{file}：以下內容還沒有儲存。請檢查標出的行，再選擇儲存方式。",
    back: "返回其他渠道錄入",
    rows: "總行數",
    valid: "正確",
    invalid: "有錯誤",
    masked: "已遮蔽的卡號/證件號",
    table: "匯入的行",
    showAll: "顯示全部",
    showInvalid: "只看有錯誤的行",
    truncated: "只顯示前 {shown} 行（共 {total} 行）。",
    noInvalid: "所有行都正確。",
    commitTitle: "儲存",
    allOrNothing: "全部正確才儲存",
    allOrNothingHelp: "{total} 行一起儲存；只要有一行有錯誤，就一條也不儲存。",
    allOrNothingBlocked: "現在有 {count} 行有錯誤，選擇這一項將不會儲存任何記錄。",
    validOnly: "只儲存 {count} 條正確的行",
    validOnlyHelp: "儲存所有正確的行。",
    validOnlySkips: "將跳過第 {rows} 行。",
    pending: "正在儲存…",
    committedTitle: "已儲存",
    committed: "已於 {at} 儲存 {count} 條記錄（{mode}）。",
    committedSkipped: "跳過了第 {rows} 行。",
    modes: { all_or_nothing: "全部正確才儲存", valid_only: "只儲存正確的行" },
    saved: "已儲存 {count} 條記錄。",
    skipped: "未儲存",
    recordNumber: "記錄 #{id}",
    fromFile: "來自 {file}",
  },
  recent: {
    records: "我最近錄入的記錄",
    noRecords: "還沒有錄入過記錄。",
    imports: "我最近的匯入",
    noImports: "還沒有匯入過檔案。",
    status: { previewed: "待儲存", committed: "已儲存" },
    rowsOf: "{valid}/{total} 行正確",
  },
};

const en: IntakeStrings = {
  title: "Other-channel intake",
  description: "Record what customers say on the internal forum, the internet, the external service mailbox and in surveys: one item at a time, or by importing an export file.",
  channels: { forum: "Internal forum", internet: "Internet", mailbox: "Service mailbox", survey: "Survey", hotline: "800 hotline" },
  fields: {
    channel: "Channel",
    region: "Customer region",
    occurredAt: "When",
    source: "Source",
    sourceUrl: "Link",
    customerWords: "Customer's words",
    urgency: "Urgency",
    externalId: "External id",
    row: "Row",
    errors: "Problems",
  },
  hints: {
    region: "A province or city in Chinese (either script), e.g. 广东深圳.",
    occurredAt: "Beijing time; leave empty for now.",
    source: "Forum board, website or sender.",
    sourceUrl: "Starts with http:// or https://.",
    customerWords: "Keep the customer's own words; card and ID numbers are masked automatically.",
  },
  manual: {
    title: "Enter one item",
    choose: "Choose…",
    general: " (general)",
    submit: "Save",
    saved: "Saved as record {id}. You can enter the next one.",
    savedMasked: "Saved as record {id}; {masked} card or ID numbers were masked. You can enter the next one.",
  },
  upload: {
    title: "Import a file",
    hint: "CSV (UTF-8, or GBK/GB18030 from Chinese Excel), Excel .xlsx (first worksheet), or one or more .eml e-mails. Column names in English or Chinese: kind, category, region, summary, customerWords, channel, source, sourceUrl, occurredAt, urgency, externalId.",
    files: "Files",
    filesHint: "Up to {maxMb} MB and {maxRows} rows per upload. Several e-mails can be chosen together.",
    defaults: "Use when the file leaves it empty",
    defaultsHint: "E-mails have no kind or category, and forum exports often have no channel: choose them here; only empty cells take them.",
    noDefault: "None",
    submit: "Upload and preview",
    pending: "Reading…",
    noFile: "Choose a file to import.",
    failed: "The upload did not go through: the file may be larger than the server accepts (split it and import the parts), or the connection dropped.",
  },
  refusals: {
    empty: "The file is empty.",
    tooLarge: "The upload is larger than {maxMb} MB. Split it and import the parts.",
    tooManyRows: "The file has more than {max} rows. Split it and import the parts.",
    unsupportedFormat: "The format of “{file}” is not recognised. Upload CSV, Excel .xlsx or .eml e-mails (save an old .xls as .xlsx).",
    mixedFormats: "Import one CSV or Excel file at a time; several files must all be .eml e-mails.",
    unreadable: "“{file}” cannot be read; it may be damaged.",
    noHeader: "The first row has no column names we know (such as summary, category, kind).",
    noRows: "The file has no data rows.",
    invalidRows: "{count} rows have errors, so nothing was saved. Fix them and upload again, or save only the valid rows.",
    noValidRows: "There are no valid rows to save.",
  },
  rowErrors: {
    duplicateRow: "Repeats row {row}.",
    alreadyImported: "This item was imported before.",
  },
  preview: {
    title: "Import preview",
    description: "{file}: nothing below is saved yet. Check the marked rows, then choose how to save.",
    back: "Back to other-channel intake",
    rows: "Rows",
    valid: "Valid",
    invalid: "With errors",
    masked: "Card/ID numbers masked",
    table: "Imported rows",
    showAll: "Show all",
    showInvalid: "Only rows with errors",
    truncated: "Showing the first {shown} of {total} rows.",
    noInvalid: "Every row is valid.",
    commitTitle: "Save",
    allOrNothing: "Save nothing unless all rows are valid",
    allOrNothingHelp: "Saves all {total} rows together; if any row has an error, nothing is saved.",
    allOrNothingBlocked: "{count} rows have errors now, so this would save nothing.",
    validOnly: "Save only the {count} valid rows",
    validOnlyHelp: "Saves every valid row.",
    validOnlySkips: "Rows {rows} will be skipped.",
    pending: "Saving…",
    committedTitle: "Saved",
    committed: "{count} records saved on {at} ({mode}).",
    committedSkipped: "Rows {rows} were skipped.",
    modes: { all_or_nothing: "all rows valid", valid_only: "valid rows only" },
    saved: "{count} records saved.",
    skipped: "Not saved",
    recordNumber: "Record {id}",
    fromFile: "From {file}",
  },
  recent: {
    records: "Records I entered recently",
    noRecords: "You have not entered any records yet.",
    imports: "My recent imports",
    noImports: "You have not imported any files yet.",
    status: { previewed: "Not saved yet", committed: "Saved" },
    rowsOf: "{valid} of {total} rows valid",
  },
};

export const intakeStrings: Record<Locale, IntakeStrings> = { "zh-Hans": zhHans, "zh-Hant": zhHant, en };

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}
