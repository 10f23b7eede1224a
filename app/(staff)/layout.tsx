import { StaffShell } from "@/components/layout/staff-shell";
import { getDb } from "@/db";
import { countUnreadNotifications } from "@/db/queries/notifications";
import { requireViewer } from "@/lib/session";

export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requireViewer();
  const unread = await countUnreadNotifications(await getDb(), viewer);
  return (
    <StaffShell viewer={viewer} unread={unread}>
      {children}
    </StaffShell>
  );
}
