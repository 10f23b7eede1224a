import { redirect } from "next/navigation";

/** Older links (notifications) point here; the issue lives at /issues/<id> for every role. */
export default async function SpecialistIssueRedirect({ params }: { params: Promise<{ id: string }> }) {
  redirect(`/issues/${encodeURIComponent((await params).id)}`);
}
