import { notFound } from "next/navigation";
import { env } from "@/lib/env";
import { BenchActionButton } from "./bench-action-button";

export const dynamic = "force-dynamic";

/**
 * `npm run bench` only (BENCH_ROUTES=1, else not found): the page the bench server action is
 * posted to. The bench itself drives the action over HTTP as React does (Next-Action header).
 */
export default function BenchActionPage() {
  if (!env.BENCH_ROUTES) notFound();
  return (
    <main className="p-6">
      <h1>Bench: server action insert</h1>
      <BenchActionButton
        row={{ kind: "complaint", channel: "hotline", externalId: "", siteId: 1, categoryId: 1, regionCode: "320500", callReference: "CTI-page", summary: "bench page", customerWords: "", urgency: "normal" }}
      />
    </main>
  );
}
