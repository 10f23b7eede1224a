import { notFound, redirect } from "next/navigation";
import { requirePermission } from "@/lib/session";

/** Older notification links point here: the issue itself lives at /issues/<id>. */
export default async function SupervisorIssueRedirect({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission("page.supervisor");
  const id = Number.parseInt((await params).id, 10);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  redirect(`/issues/${id}`);
}
