import "server-only";
import { getTranslations } from "next-intl/server";
import type { AssignActionLabels } from "./action-assign-form";
import type { CompleteLabels, ProgressLabels } from "./action-progress-form";
import type { ReopenLabels, ResolveLabels, VerifyLabels, WordingLabels } from "./action-review-forms";

/** The strings the client forms of actions get as props (they have no translator of their own). */
export async function actionFormStrings() {
  const t = await getTranslations("actions.forms");
  const pending = (await getTranslations("common"))("saving");
  const wording: WordingLabels = {
    publicTitle: t("publicTitle"),
    publicTitleHint: t("publicTitleHint"),
    publicOutcome: t("publicOutcome"),
    publicOutcomeHint: t("publicOutcomeHint"),
  };
  const assign: AssignActionLabels = {
    department: t("department"),
    disposition: t("disposition"),
    dueOn: t("dueOn"),
    dueOnHint: t("dueOnHint"),
    ownerName: t("ownerName"),
    ownerHint: t("ownerHint"),
    choose: t("choose"),
    submit: t("assign"),
    pending,
  };
  const progress: ProgressLabels = {
    ownerName: t("ownerName"),
    dueOn: t("dueOn"),
    dueOnHint: t("departmentDueHint"),
    dueOnFixed: t("dueOnFixed"),
    progress: t("progress"),
    note: t("note"),
    notePlaceholder: t("notePlaceholder"),
    evidenceUrl: t("evidenceUrl"),
    evidenceHint: t("evidenceHint"),
    submit: t("postProgress"),
    pending,
  };
  const complete: CompleteLabels = {
    note: t("doneNote"),
    notePlaceholder: t("doneNotePlaceholder"),
    evidenceUrl: t("evidenceUrl"),
    evidenceHint: t("evidenceHint"),
    submit: t("markDone"),
    pending,
  };
  const verify: VerifyLabels = { ...wording, lastActionNote: t("lastActionNote"), submit: t("verify"), pending };
  const reopen: ReopenLabels = { reason: t("reopenReason"), reasonHint: t("reopenHint"), submit: t("reopen"), pending };
  const resolve: ResolveLabels = { ...wording, submit: t("resolve"), pending };
  return { assign, progress, complete, verify, reopen, resolve };
}
