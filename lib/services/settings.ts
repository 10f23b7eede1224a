import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { settings } from "@/db/schema";
import { ValidationFailed } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import { errorKeyMap, fieldMessages } from "@/lib/validation/errors";
import { editableSettings, type EditableSettingKey, type SettingValue } from "@/lib/validation/time-limits";
import type { Viewer } from "@/lib/viewer";
import { StaleVersion, writeAudit } from "./workflow-support";

/**
 * Saves one admin-editable setting (the stage targets, the complaint clock, e-mail delivery),
 * validated against its schema, with the before and after in the audit row. `updatedAt` is the
 * moment the admin's form was loaded from: a setting saved since then is a conflict.
 */
export async function updateSetting<K extends EditableSettingKey>(
  db: Database,
  viewer: Viewer,
  input: { key: K; value: SettingValue<K>; updatedAt?: string },
): Promise<void> {
  assertCan(viewer, "admin.settings");
  const parsed = editableSettings[input.key].safeParse(input.value, { error: errorKeyMap });
  if (!parsed.success) {
    const messages = fieldMessages(parsed.error);
    throw new ValidationFailed("The setting has errors.", Object.fromEntries(Object.entries(messages).map(([field, list]) => [field, list.map((m) => (m.values ? `${m.key}|${JSON.stringify(m.values)}` : m.key))])));
  }
  await db.transaction(async (tx) => {
    const [current] = await tx.select().from(settings).where(eq(settings.key, input.key)).for("update");
    if (current && input.updatedAt && current.updatedAt.toISOString() !== input.updatedAt) throw new StaleVersion();
    const now = new Date();
    if (current) {
      await tx.update(settings).set({ value: parsed.data, updatedAt: now, updatedBy: viewer.id }).where(eq(settings.key, input.key));
    } else {
      await tx.insert(settings).values({ key: input.key, value: parsed.data, updatedAt: now, updatedBy: viewer.id });
    }
    await writeAudit(tx, viewer, "settings.updated", { type: "setting", id: input.key }, { data: { before: current?.value ?? null, after: parsed.data } });
  });
}
