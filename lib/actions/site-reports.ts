"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db";
import { InvalidTransition, isExpectedError } from "@/lib/errors";
import { assertViewer } from "@/lib/session";
import { IssuesNotReportable, ReportEmpty, reportLimits, saveSiteReport, submitSiteReport } from "@/lib/services/site-reports";
import { errorState, formValues, parseForm } from "./form";
import type { ActionState } from "./state";

const id = z.coerce.number().int().positive();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "validation.invalidDate" });
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === null || v === "" ? undefined : v), schema.optional());

const saveInput = z
  .object({
    reportId: optional(id),
    version: optional(id),
    periodStart: date,
    periodEnd: date,
    title: z.string().trim().min(1).max(reportLimits.title),
    analysis: z.preprocess((v) => v ?? "", z.string().max(reportLimits.analysis)),
    issueIds: z.array(id).max(reportLimits.issues),
  })
  .refine((v) => v.periodEnd >= v.periodStart, { message: "siteReport.validation.periodOrder", path: ["periodEnd"] });

async function refusal(error: unknown, formData: FormData, context: string): Promise<ActionState> {
  const t = await getTranslations("siteReport.errors");
  const values = formValues(formData);
  if (error instanceof ReportEmpty) return { status: "error", message: t("report_empty"), values };
  if (error instanceof IssuesNotReportable) return { status: "error", message: t("issues_not_reportable", { ids: error.issueIds.map((i) => `#${i}`).join("、") }), values };
  if (error instanceof InvalidTransition) return { status: "error", message: t("invalid_transition"), values };
  if (isExpectedError(error) && error.code === "conflict") return { status: "error", message: t("conflict"), values };
  return errorState(error, formData, context);
}

/** Specialist: saves the report draft (new or the next version) and opens it. */
export async function saveSiteReportAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = await parseForm(
    saveInput,
    {
      reportId: formData.get("reportId"),
      version: formData.get("version"),
      periodStart: formData.get("periodStart") ?? "",
      periodEnd: formData.get("periodEnd") ?? "",
      title: formData.get("title") ?? "",
      analysis: formData.get("analysis"),
      issueIds: formData.getAll("issueIds"),
    },
    formData,
  );
  if (!parsed.ok) return parsed.state;
  let reportId: number;
  try {
    const report = await saveSiteReport(await getDb(), await assertViewer(), parsed.data);
    reportId = report.id;
  } catch (error) {
    return refusal(error, formData, "saveSiteReportAction");
  }
  revalidatePath("/specialist", "layout");
  redirect(`/specialist/reports/${reportId}?saved=1`);
}

const submitInput = z.object({ reportId: id, version: id });

/** Specialist: the saved draft goes to the management post; its issues become reported. */
export async function submitSiteReportAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = await parseForm(submitInput, { reportId: formData.get("reportId"), version: formData.get("version") }, formData);
  if (!parsed.ok) return parsed.state;
  let issueIds: number[];
  try {
    const result = await submitSiteReport(await getDb(), await assertViewer(), parsed.data);
    issueIds = result.issues.map((i) => i.id);
  } catch (error) {
    return refusal(error, formData, "submitSiteReportAction");
  }
  revalidatePath("/specialist", "layout");
  revalidatePath("/supervisor", "layout");
  revalidatePath("/manager", "layout");
  for (const issueId of issueIds) revalidatePath(`/issues/${issueId}`);
  redirect(`/specialist/reports/${parsed.data.reportId}?submitted=1`);
}
