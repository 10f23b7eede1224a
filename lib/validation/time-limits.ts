import { z } from "zod";

/** Target days per stage of the flow, and the share of a limit after which an item is "near". */
export const workflowTargetsSchema = z.object({
  escalationToVerificationDays: z.number().int().min(1).max(365),
  bulletinToDispositionDays: z.number().int().min(1).max(365),
  dispositionToDoneDays: z.number().int().min(1).max(730),
  warnAtShare: z.number().min(0.1).max(0.99),
});
export type WorkflowTargets = z.infer<typeof workflowTargetsSchema>;

/** The regulator's clock on complaints: days to answer, and the two extensions. */
export const complaintClockSchema = z.object({
  baseDays: z.number().int().min(1).max(90),
  firstExtensionDays: z.number().int().min(0).max(90),
  secondExtensionDays: z.number().int().min(0).max(180),
});
export type ComplaintClock = z.infer<typeof complaintClockSchema>;

export const emailDeliverySchema = z.object({ enabled: z.boolean() });
export type EmailDelivery = z.infer<typeof emailDeliverySchema>;

export const defaultWorkflowTargets: WorkflowTargets = { escalationToVerificationDays: 7, bulletinToDispositionDays: 5, dispositionToDoneDays: 30, warnAtShare: 0.8 };
export const defaultComplaintClock: ComplaintClock = { baseDays: 15, firstExtensionDays: 15, secondExtensionDays: 30 };

export const editableSettings = {
  "workflow.targets": workflowTargetsSchema,
  "complaints.clock": complaintClockSchema,
  "email.delivery": emailDeliverySchema,
} as const;
export type EditableSettingKey = keyof typeof editableSettings;
export type SettingValue<K extends EditableSettingKey> = z.infer<(typeof editableSettings)[K]>;

export function isEditableSetting(key: string): key is EditableSettingKey {
  return Object.hasOwn(editableSettings, key);
}

const days = (max: number) => z.coerce.number().int().min(1).max(max);

/** The admin form: whole days, and the warning share as a percentage. */
export const workflowTargetsForm = z
  .object({
    escalationToVerificationDays: days(365),
    bulletinToDispositionDays: days(365),
    dispositionToDoneDays: days(730),
    warnAtPercent: z.coerce.number().int().min(10).max(99),
    updatedAt: z.string().max(40).optional(),
  })
  .transform(({ warnAtPercent, updatedAt, ...rest }) => ({ value: { ...rest, warnAtShare: warnAtPercent / 100 }, updatedAt }));

export const complaintClockForm = z
  .object({
    baseDays: days(90),
    firstExtensionDays: z.coerce.number().int().min(0).max(90),
    secondExtensionDays: z.coerce.number().int().min(0).max(180),
    updatedAt: z.string().max(40).optional(),
  })
  .transform(({ updatedAt, ...value }) => ({ value, updatedAt }));
