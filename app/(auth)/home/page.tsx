import { redirect } from "next/navigation";
import { homePathFor } from "@/lib/permissions";
import { requireViewer } from "@/lib/session";

/** Where sign-in lands: each role's own home page. */
export default async function Home() {
  const viewer = await requireViewer();
  redirect(homePathFor(viewer.role));
}
