/**
 * After a step that takes its own form off the page (a verified action leaves the list), the
 * person still needs to hear what happened: the action sends them back to the page they came
 * from with a notice key, which the page shows. Only our own pages and known keys are accepted.
 */
const returnPaths = /^\/(manager\/actions(\/\d+)?|manager\/time-limits|department(\/actions\/\d+)?|issues\/\d+|meetings\/\d+)$/;

export const notices = [
  "actions.messages.completed",
  "actions.messages.verified",
  "actions.messages.verifiedResolved",
  "actions.messages.verifiedWordingNeeded",
  "actions.messages.reopened",
  "actions.messages.resolved",
  "meetings.messages.decidedResolved",
  "meetings.messages.decidedWordingNeeded",
  "loop.timeLimits.extendSaved",
] as const;
export type Notice = (typeof notices)[number];

export function isNotice(value: unknown): value is Notice {
  return typeof value === "string" && (notices as readonly string[]).includes(value);
}

/** Where to send the person with the notice, or null to answer in the form itself. */
export function noticeUrl(formData: FormData, notice: Notice): string | null {
  const back = formData.get("returnTo");
  if (typeof back !== "string" || !returnPaths.test(back)) return null;
  return `${back}?notice=${encodeURIComponent(notice)}`;
}
