import { relations, sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from "drizzle-orm/pg-core";

// Every timestamp is stored in UTC with its time zone; the center works in Asia/Shanghai and
// the UI formats for it. Calendar dates (due dates, report periods) are plain dates in that zone.
const at = (name?: string) => timestamp(name ?? "", { withTimezone: true, mode: "date" });
const createdAt = () => timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow();
const updatedAt = () => timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow();

export const roles = [
  "agent",
  "supervisor",
  "specialist",
  "manager",
  "department",
  "leadership",
  "admin",
] as const;
export type Role = (typeof roles)[number];
export const roleEnum = pgEnum("role", roles);

export const userStatusEnum = pgEnum("user_status", ["active", "disabled"]);

export const recordKinds = ["complaint", "suggestion", "business_contact", "service_record", "praise"] as const;
export type RecordKind = (typeof recordKinds)[number];
export const recordKindEnum = pgEnum("record_kind", recordKinds);

/** Where a record came in. `survey` is the proactive channel the seed sees growing. */
export const channels = ["hotline", "web", "forum", "internet", "mailbox", "survey"] as const;
export type Channel = (typeof channels)[number];
export const channelEnum = pgEnum("channel", channels);

export const urgencies = ["low", "normal", "high", "critical"] as const;
export type Urgency = (typeof urgencies)[number];
export const urgencyEnum = pgEnum("urgency", urgencies);

export const recordStatuses = ["new", "reported", "linked", "dismissed"] as const;
export type RecordStatus = (typeof recordStatuses)[number];
export const recordStatusEnum = pgEnum("record_status", recordStatuses);

export const moderationStatuses = ["pending", "approved", "rejected"] as const;
export const moderationStatusEnum = pgEnum("moderation_status", moderationStatuses);

export const issueTypes = ["problem", "suggestion"] as const;
export type IssueType = (typeof issueTypes)[number];
export const issueTypeEnum = pgEnum("issue_type", issueTypes);

export const issueStatuses = [
  "draft",
  "escalated",
  "returned",
  "reported",
  "verified",
  "rejected",
  "merged",
  "published",
  "in_action",
  "resolved",
] as const;
export type IssueStatus = (typeof issueStatuses)[number];
export const issueStatusEnum = pgEnum("issue_status", issueStatuses);

export const reportStatuses = ["draft", "submitted", "reviewed"] as const;
export const reportStatusEnum = pgEnum("report_status", reportStatuses);

export const bulletinStatuses = ["draft", "published", "superseded"] as const;
export const bulletinStatusEnum = pgEnum("bulletin_status", bulletinStatuses);

/** The five ways the seed says a voice of the customer turns into work. */
export const dispositions = [
  "immediate_practice",
  "work_plan",
  "improvement_project",
  "special_survey",
  "coordination_meeting",
] as const;
export type Disposition = (typeof dispositions)[number];
export const dispositionEnum = pgEnum("disposition", dispositions);

export const actionStatuses = ["assigned", "in_progress", "done", "verified", "reopened"] as const;
export type ActionStatus = (typeof actionStatuses)[number];
export const actionStatusEnum = pgEnum("action_status", actionStatuses);

export const meetingStatuses = ["open", "minutes_published"] as const;
export const meetingStatusEnum = pgEnum("meeting_status", meetingStatuses);

export const meetingDecisions = ["continue", "change_owner", "change_due", "escalate", "verified_closed"] as const;
export const meetingDecisionEnum = pgEnum("meeting_decision", meetingDecisions);

export const regionLevels = ["province", "city"] as const;
export const regionLevelEnum = pgEnum("region_level", regionLevels);

export const departmentKinds = ["business", "product", "it", "operations"] as const;
export const departmentKindEnum = pgEnum("department_kind", departmentKinds);

// ---------------------------------------------------------------- organisation

export const sites = pgTable("sites", {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  code: varchar({ length: 16 }).notNull().unique(),
  nameHans: varchar({ length: 64 }).notNull(),
  nameHant: varchar({ length: 64 }).notNull(),
  nameEn: varchar({ length: 64 }).notNull(),
  seats: integer().notNull().default(0),
  createdAt: createdAt(),
});

export const teams = pgTable(
  "teams",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    siteId: integer()
      .notNull()
      .references(() => sites.id),
    name: varchar({ length: 64 }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("teams_site_name_uq").on(t.siteId, t.name)],
);

export const departments = pgTable("departments", {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  code: varchar({ length: 32 }).notNull().unique(),
  kind: departmentKindEnum().notNull(),
  nameHans: varchar({ length: 64 }).notNull(),
  nameHant: varchar({ length: 64 }).notNull(),
  nameEn: varchar({ length: 96 }).notNull(),
  active: boolean().notNull().default(true),
  createdAt: createdAt(),
});

export const users = pgTable(
  "users",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    email: varchar({ length: 254 }).notNull(),
    name: varchar({ length: 64 }).notNull(),
    passwordHash: text(),
    role: roleEnum().notNull(),
    status: userStatusEnum().notNull().default("active"),
    siteId: integer().references(() => sites.id),
    teamId: integer().references(() => teams.id),
    departmentId: integer().references(() => departments.id),
    /** Raised when the user is disabled or the password changes: older sessions stop working. */
    sessionVersion: integer().notNull().default(1),
    locale: varchar({ length: 8 }),
    lastSignInAt: at(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("users_email_uq").on(sql`lower(${t.email})`),
    index("users_team_idx").on(t.teamId),
    index("users_role_site_idx").on(t.role, t.siteId),
  ],
);

// ---------------------------------------------------------------- reference data

export const categories = pgTable(
  "categories",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    parentId: integer().references((): AnyPgColumn => categories.id),
    code: varchar({ length: 48 }).notNull().unique(),
    nameHans: varchar({ length: 64 }).notNull(),
    nameHant: varchar({ length: 64 }).notNull(),
    nameEn: varchar({ length: 96 }).notNull(),
    position: integer().notNull().default(0),
    active: boolean().notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index("categories_parent_idx").on(t.parentId, t.position)],
);

export const regions = pgTable(
  "regions",
  {
    code: varchar({ length: 6 }).primaryKey(),
    parentCode: varchar({ length: 6 }),
    level: regionLevelEnum().notNull(),
    nameHans: varchar({ length: 64 }).notNull(),
    nameHant: varchar({ length: 64 }).notNull(),
    nameEn: varchar({ length: 96 }).notNull(),
    pinyin: varchar({ length: 128 }).notNull(),
  },
  (t) => [index("regions_parent_idx").on(t.parentCode, t.pinyin)],
);

export const settings = pgTable("settings", {
  key: varchar({ length: 64 }).primaryKey(),
  value: jsonb().notNull(),
  updatedAt: updatedAt(),
  updatedBy: integer().references(() => users.id),
});

// ---------------------------------------------------------------- intake

export const records = pgTable(
  "records",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    kind: recordKindEnum().notNull(),
    channel: channelEnum().notNull(),
    /** Where an other-channel item came from: forum thread, web page title, mail sender. */
    source: varchar({ length: 200 }),
    sourceUrl: varchar({ length: 2000 }),
    /** An id in the sending system (telephony, mailbox gateway); unique per channel. */
    externalId: varchar({ length: 128 }),
    siteId: integer().references(() => sites.id),
    teamId: integer().references(() => teams.id),
    categoryId: integer()
      .notNull()
      .references(() => categories.id),
    regionCode: varchar({ length: 6 }).references(() => regions.code),
    callReference: varchar({ length: 64 }),
    summary: varchar({ length: 200 }).notNull(),
    customerWords: text().notNull().default(""),
    urgency: urgencyEnum().notNull().default("normal"),
    /** The agent's "report to supervisor" flag (有價值的資訊上報督導). */
    valuable: boolean().notNull().default(false),
    status: recordStatusEnum().notNull().default("new"),
    dismissedReason: varchar({ length: 500 }),
    issueId: integer().references((): AnyPgColumn => issues.id),
    authorId: integer().references(() => users.id),
    /** Public submissions: the number the customer follows it by, and how it is checked. */
    trackingNumber: varchar({ length: 20 }),
    contact: varchar({ length: 254 }),
    contactDigest: varchar({ length: 64 }),
    moderationStatus: moderationStatusEnum(),
    /** Complaints run on the regulator's clock: 15 days, extendable. */
    dueAt: at(),
    dueExtensions: integer().notNull().default(0),
    occurredAt: at().notNull().defaultNow(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: integer().notNull().default(1),
  },
  (t) => [
    index("records_site_created_idx").on(t.siteId, t.createdAt),
    index("records_author_created_idx").on(t.authorId, t.createdAt),
    index("records_team_queue_idx").on(t.teamId, t.status, t.createdAt),
    index("records_category_created_idx").on(t.categoryId, t.createdAt),
    index("records_issue_idx").on(t.issueId),
    index("records_created_idx").on(t.createdAt),
    /** The dashboards' drill-down lists records by when the contact happened. */
    index("records_occurred_idx").on(t.occurredAt),
    uniqueIndex("records_tracking_uq").on(t.trackingNumber),
    uniqueIndex("records_channel_external_uq").on(t.channel, t.externalId),
    check("records_summary_not_blank", sql`length(btrim(${t.summary})) > 0`),
  ],
);

/** An uploaded batch (CSV, Excel or e-mail files), kept between its preview and its commit. */
export const importBatches = pgTable(
  "import_batches",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    createdBy: integer()
      .notNull()
      .references(() => users.id),
    fileName: varchar({ length: 255 }).notNull(),
    format: varchar({ length: 16 }).notNull(),
    /** Parsed rows with their per-row errors, as the preview showed them. */
    rows: jsonb().$type<unknown[]>().notNull(),
    rowCount: integer().notNull(),
    validCount: integer().notNull(),
    status: varchar({ length: 16 }).notNull().default("previewed"),
    committedMode: varchar({ length: 16 }),
    committedCount: integer(),
    createdAt: createdAt(),
    committedAt: at(),
  },
  (t) => [index("import_batches_creator_idx").on(t.createdBy, t.createdAt)],
);

// ---------------------------------------------------------------- dashboard rollups

/**
 * Daily counts of records, kept by statement-level triggers on `records` in the same
 * transaction as the write (db/migrations/0003), so the dashboards never scan raw records.
 * Each row is a fixed-shape cell: one row per day and key, the counts in an array indexed by
 * the enums' order (see lib/stats/cells.ts). A cell holds every combination of the small
 * dimensions, so the rows a dashboard reads depend on the days and keys shown, not on how
 * many records there are. Days are calendar days in Asia/Shanghai, by when the contact happened.
 */
/** Day × site × category cells; `counts` is laid out per table (see lib/stats/cells.ts). */
const siteCategoryDayCell = () => ({
  day: date({ mode: "string" }).notNull(),
  /** 0 for records without a site (public submissions, other channels). */
  siteId: integer().notNull(),
  categoryId: integer().notNull(),
  counts: integer().array().notNull(),
  refreshedAt: at().notNull().defaultNow(),
});

/** counts: kind × channel, then each kind's total, then each channel's total (lib/stats/cells.ts). */
export const recordDayCells = pgTable("record_day_cells", siteCategoryDayCell(), (t) => [
  primaryKey({ columns: [t.day, t.siteId, t.categoryId] }),
]);

/**
 * counts: records per province (the last slot is "no region"), for one kind (kindSlot = the
 * kind's 1-based position) or for all kinds (kindSlot 0). Short arrays keep each read cheap.
 */
export const regionDayCells = pgTable(
  "region_day_cells",
  {
    kindSlot: smallint().notNull(),
    ...siteCategoryDayCell(),
  },
  (t) => [primaryKey({ columns: [t.kindSlot, t.day, t.siteId, t.categoryId] })],
);

/**
 * The same cells summed by week (ISO weeks, from Monday, in Asia/Shanghai), kept by the same
 * triggers (db/migrations/0004). A dashboard over months reads whole weeks from here and only the
 * days at the edges of its range from the daily cells: about a seventh of the rows.
 */
const siteCategoryWeekCell = () => ({
  /** The Monday the week starts on. */
  week: date({ mode: "string" }).notNull(),
  siteId: integer().notNull(),
  categoryId: integer().notNull(),
  counts: integer().array().notNull(),
  refreshedAt: at().notNull().defaultNow(),
});

export const recordWeekCells = pgTable("record_week_cells", siteCategoryWeekCell(), (t) => [
  primaryKey({ columns: [t.week, t.siteId, t.categoryId] }),
]);

export const regionWeekCells = pgTable(
  "region_week_cells",
  {
    kindSlot: smallint().notNull(),
    ...siteCategoryWeekCell(),
  },
  (t) => [primaryKey({ columns: [t.kindSlot, t.week, t.siteId, t.categoryId] })],
);

/**
 * What records' writes owe the cells, appended by the statement-level triggers on `records`
 * (db/migrations/0005): one row per record written (+1) or taken back (−1), with the columns the
 * cells count by. Appending never waits on another writer; voc_fold_cell_deltas() moves the rows
 * into the cells in one set-based pass (each dashboard read folds first, and a background job
 * every few seconds), so concurrent intake no longer queues on a hot cell's row lock.
 */
export const recordCellDeltas = pgTable("record_cell_deltas", {
  occurredAt: at().notNull(),
  siteId: integer(),
  categoryId: integer().notNull(),
  kind: recordKindEnum().notNull(),
  channel: channelEnum().notNull(),
  regionCode: varchar({ length: 6 }),
  teamId: integer(),
  issueId: integer(),
  /** +1 for a record counted in, −1 for one taken out. */
  n: integer().notNull(),
});

export const teamDayCells = pgTable(
  "team_day_cells",
  {
    day: date({ mode: "string" }).notNull(),
    teamId: integer().notNull(),
    /** Records filed, by kind. */
    filed: integer().array().notNull(),
    /** Of those, records linked to an issue (escalated), by kind. */
    linked: integer().array().notNull(),
    refreshedAt: at().notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.day, t.teamId] })],
);

/**
 * Suggestions each team fed into each issue, kept by the same triggers: the ideas (金點子) a team
 * turned into practice are read from here, so that figure costs issues × teams, not records.
 */
export const issueTeamSuggestions = pgTable(
  "issue_team_suggestions",
  {
    issueId: integer().notNull(),
    teamId: integer().notNull(),
    n: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.issueId, t.teamId] }), index("issue_team_suggestions_team_idx").on(t.teamId)],
);

// ---------------------------------------------------------------- workflow

export const issues = pgTable(
  "issues",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    type: issueTypeEnum().notNull(),
    title: varchar({ length: 200 }).notNull(),
    description: text().notNull().default(""),
    categoryId: integer()
      .notNull()
      .references(() => categories.id),
    siteId: integer().references(() => sites.id),
    status: issueStatusEnum().notNull().default("draft"),
    tags: text().array().notNull().default(sql`'{}'::text[]`),
    createdBy: integer().references(() => users.id),
    mergedIntoId: integer().references((): AnyPgColumn => issues.id),
    /** Why it was rejected or sent back: travels down the chain to whoever raised it. */
    statusReason: text(),
    /** Approved wording for the public "you said, we did" page. */
    publicTitle: varchar({ length: 200 }),
    publicOutcome: text(),
    escalatedAt: at(),
    reportedAt: at(),
    verifiedAt: at(),
    publishedAt: at(),
    resolvedAt: at(),
    /** Kept by the records triggers (db/migrations/0003): how many records are linked, and the earliest. */
    recordCount: integer().notNull().default(0),
    firstRecordAt: at(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: integer().notNull().default(1),
  },
  (t) => [
    index("issues_site_status_idx").on(t.siteId, t.status),
    index("issues_status_updated_idx").on(t.status, t.updatedAt),
    index("issues_category_idx").on(t.categoryId),
  ],
);

export const siteReports = pgTable(
  "site_reports",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    siteId: integer()
      .notNull()
      .references(() => sites.id),
    periodStart: date({ mode: "string" }).notNull(),
    periodEnd: date({ mode: "string" }).notNull(),
    title: varchar({ length: 200 }).notNull(),
    analysis: text().notNull().default(""),
    status: reportStatusEnum().notNull().default("draft"),
    authorId: integer().references(() => users.id),
    submittedAt: at(),
    reviewedAt: at(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: integer().notNull().default(1),
  },
  (t) => [
    index("site_reports_site_period_idx").on(t.siteId, t.periodStart),
    index("site_reports_status_idx").on(t.status),
    check("site_reports_period_order", sql`${t.periodEnd} >= ${t.periodStart}`),
  ],
);

export const siteReportIssues = pgTable(
  "site_report_issues",
  {
    reportId: integer()
      .notNull()
      .references(() => siteReports.id, { onDelete: "cascade" }),
    issueId: integer()
      .notNull()
      .references(() => issues.id),
    position: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.issueId] }), index("site_report_issues_issue_idx").on(t.issueId)],
);

export const bulletins = pgTable(
  "bulletins",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    /** 第N期: the issue number of the series; a correction keeps it and raises the revision. */
    number: integer().notNull(),
    revision: integer().notNull().default(1),
    title: varchar({ length: 200 }).notNull(),
    periodStart: date({ mode: "string" }).notNull(),
    periodEnd: date({ mode: "string" }).notNull(),
    summary: text().notNull().default(""),
    status: bulletinStatusEnum().notNull().default("draft"),
    supersedesId: integer().references((): AnyPgColumn => bulletins.id),
    changeNote: text(),
    compiledBy: integer().references(() => users.id),
    publishedBy: integer().references(() => users.id),
    publishedAt: at(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: integer().notNull().default(1),
  },
  (t) => [uniqueIndex("bulletins_number_revision_uq").on(t.number, t.revision), index("bulletins_status_idx").on(t.status, t.publishedAt)],
);

export const bulletinIssues = pgTable(
  "bulletin_issues",
  {
    bulletinId: integer()
      .notNull()
      .references(() => bulletins.id, { onDelete: "cascade" }),
    issueId: integer()
      .notNull()
      .references(() => issues.id),
    position: integer().notNull().default(0),
    recordCount: integer().notNull().default(0),
    /** Change in records against the previous period, in percent. */
    trendPercent: real(),
    quotes: jsonb().$type<string[]>().notNull().default([]),
  },
  (t) => [primaryKey({ columns: [t.bulletinId, t.issueId] }), index("bulletin_issues_issue_idx").on(t.issueId)],
);

export const bulletinAcknowledgements = pgTable(
  "bulletin_acknowledgements",
  {
    bulletinId: integer()
      .notNull()
      .references(() => bulletins.id, { onDelete: "cascade" }),
    userId: integer()
      .notNull()
      .references(() => users.id),
    acknowledgedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.bulletinId, t.userId] })],
);

export const actions = pgTable(
  "actions",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    issueId: integer()
      .notNull()
      .references(() => issues.id),
    bulletinId: integer().references(() => bulletins.id),
    departmentId: integer()
      .notNull()
      .references(() => departments.id),
    disposition: dispositionEnum().notNull(),
    ownerName: varchar({ length: 64 }),
    ownerId: integer().references(() => users.id),
    dueOn: date({ mode: "string" }),
    status: actionStatusEnum().notNull().default("assigned"),
    progress: integer().notNull().default(0),
    doneAt: at(),
    verifiedAt: at(),
    verifiedBy: integer().references(() => users.id),
    createdBy: integer().references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: integer().notNull().default(1),
  },
  (t) => [
    index("actions_department_status_idx").on(t.departmentId, t.status),
    index("actions_issue_idx").on(t.issueId),
    index("actions_status_due_idx").on(t.status, t.dueOn),
    check("actions_progress_range", sql`${t.progress} between 0 and 100`),
  ],
);

export const actionUpdates = pgTable(
  "action_updates",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    actionId: integer()
      .notNull()
      .references(() => actions.id),
    authorId: integer().references(() => users.id),
    note: text().notNull(),
    evidenceUrl: varchar({ length: 2000 }),
    progress: integer(),
    createdAt: createdAt(),
  },
  (t) => [index("action_updates_action_idx").on(t.actionId, t.createdAt)],
);

export const meetings = pgTable(
  "meetings",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    title: varchar({ length: 200 }).notNull(),
    heldOn: date({ mode: "string" }).notNull(),
    status: meetingStatusEnum().notNull().default("open"),
    attendees: text().array().notNull().default(sql`'{}'::text[]`),
    minutes: text().notNull().default(""),
    createdBy: integer().references(() => users.id),
    publishedAt: at(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: integer().notNull().default(1),
  },
  (t) => [index("meetings_held_idx").on(t.heldOn)],
);

export const meetingItems = pgTable(
  "meeting_items",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    meetingId: integer()
      .notNull()
      .references(() => meetings.id),
    actionId: integer()
      .notNull()
      .references(() => actions.id),
    /** Why it is on the agenda: open, overdue or newly done. */
    agendaReason: varchar({ length: 16 }).notNull(),
    decision: meetingDecisionEnum(),
    decisionNote: text(),
    decidedBy: integer().references(() => users.id),
    decidedAt: at(),
  },
  (t) => [uniqueIndex("meeting_items_meeting_action_uq").on(t.meetingId, t.actionId)],
);

export const meetingComments = pgTable(
  "meeting_comments",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    meetingId: integer()
      .notNull()
      .references(() => meetings.id),
    authorId: integer()
      .notNull()
      .references(() => users.id),
    body: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("meeting_comments_meeting_idx").on(t.meetingId, t.createdAt)],
);

// ---------------------------------------------------------------- cross-cutting

/** Append-only: a trigger in the migrations refuses UPDATE and DELETE. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: createdAt(),
    actorId: integer().references(() => users.id),
    actorRole: varchar({ length: 16 }),
    action: varchar({ length: 64 }).notNull(),
    entityType: varchar({ length: 32 }).notNull(),
    entityId: varchar({ length: 64 }).notNull(),
    reason: text(),
    data: jsonb().$type<Record<string, unknown>>(),
  },
  (t) => [
    index("audit_log_entity_idx").on(t.entityType, t.entityId, t.occurredAt),
    index("audit_log_actor_idx").on(t.actorId, t.occurredAt),
  ],
);

export const notifications = pgTable(
  "notifications",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    userId: integer()
      .notNull()
      .references(() => users.id),
    kind: varchar({ length: 48 }).notNull(),
    title: varchar({ length: 200 }).notNull(),
    body: text().notNull().default(""),
    link: varchar({ length: 500 }),
    readAt: at(),
    createdAt: createdAt(),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.readAt, t.createdAt)],
);

export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    toAddress: varchar({ length: 254 }).notNull(),
    subject: varchar({ length: 200 }).notNull(),
    body: text().notNull(),
    status: varchar({ length: 16 }).notNull().default("pending"),
    attempts: integer().notNull().default(0),
    lastError: text(),
    createdAt: createdAt(),
    sentAt: at(),
  },
  (t) => [index("email_outbox_status_idx").on(t.status, t.createdAt)],
);

export const apiTokens = pgTable("api_tokens", {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  name: varchar({ length: 100 }).notNull(),
  /** SHA-256 of the token: the token itself is shown once and never stored. */
  tokenHash: varchar({ length: 64 }).notNull().unique(),
  tokenPrefix: varchar({ length: 16 }).notNull(),
  scopes: text().array().notNull(),
  createdBy: integer().references(() => users.id),
  createdAt: createdAt(),
  lastUsedAt: at(),
  revokedAt: at(),
});

export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    tokenId: integer()
      .notNull()
      .references(() => apiTokens.id),
    key: varchar({ length: 128 }).notNull(),
    requestHash: varchar({ length: 64 }).notNull(),
    responseStatus: integer().notNull(),
    responseBody: jsonb().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tokenId, t.key] })],
);

/** Fixed-window counters shared by every app instance (sign-in throttling, public page limits). */
export const rateLimitBuckets = pgTable("rate_limit_buckets", {
  key: varchar({ length: 200 }).primaryKey(),
  windowStartedAt: at().notNull(),
  count: integer().notNull().default(0),
  blockedUntil: at(),
});

// ---------------------------------------------------------------- relations

export const sitesRelations = relations(sites, ({ many }) => ({ teams: many(teams), users: many(users) }));
export const teamsRelations = relations(teams, ({ one, many }) => ({
  site: one(sites, { fields: [teams.siteId], references: [sites.id] }),
  members: many(users),
}));
export const usersRelations = relations(users, ({ one }) => ({
  site: one(sites, { fields: [users.siteId], references: [sites.id] }),
  team: one(teams, { fields: [users.teamId], references: [teams.id] }),
  department: one(departments, { fields: [users.departmentId], references: [departments.id] }),
}));
export const categoriesRelations = relations(categories, ({ one, many }) => ({
  parent: one(categories, { fields: [categories.parentId], references: [categories.id], relationName: "tree" }),
  children: many(categories, { relationName: "tree" }),
}));
export const recordsRelations = relations(records, ({ one }) => ({
  category: one(categories, { fields: [records.categoryId], references: [categories.id] }),
  site: one(sites, { fields: [records.siteId], references: [sites.id] }),
  team: one(teams, { fields: [records.teamId], references: [teams.id] }),
  region: one(regions, { fields: [records.regionCode], references: [regions.code] }),
  author: one(users, { fields: [records.authorId], references: [users.id] }),
  issue: one(issues, { fields: [records.issueId], references: [issues.id] }),
}));
export const issuesRelations = relations(issues, ({ one, many }) => ({
  category: one(categories, { fields: [issues.categoryId], references: [categories.id] }),
  site: one(sites, { fields: [issues.siteId], references: [sites.id] }),
  records: many(records),
  actions: many(actions),
}));
export const actionsRelations = relations(actions, ({ one, many }) => ({
  issue: one(issues, { fields: [actions.issueId], references: [issues.id] }),
  department: one(departments, { fields: [actions.departmentId], references: [departments.id] }),
  updates: many(actionUpdates),
}));
export const actionUpdatesRelations = relations(actionUpdates, ({ one }) => ({
  action: one(actions, { fields: [actionUpdates.actionId], references: [actions.id] }),
}));

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Site = typeof sites.$inferSelect;
export type Team = typeof teams.$inferSelect;
export type Department = typeof departments.$inferSelect;
export type Category = typeof categories.$inferSelect;
export type RegionRow = typeof regions.$inferSelect;
export type RecordRow = typeof records.$inferSelect;
export type NewRecord = typeof records.$inferInsert;
export type IssueRow = typeof issues.$inferSelect;
export type SiteReport = typeof siteReports.$inferSelect;
export type Bulletin = typeof bulletins.$inferSelect;
export type ActionRow = typeof actions.$inferSelect;
export type Meeting = typeof meetings.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
export type Notification = typeof notifications.$inferSelect;
export type ImportBatch = typeof importBatches.$inferSelect;
