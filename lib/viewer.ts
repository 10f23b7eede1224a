import type { Role } from "@/db/schema";

/** Who is asking: the signed-in user as the database knows them now, not as the cookie says. */
export interface Viewer {
  id: number;
  name: string;
  email: string;
  role: Role;
  siteId: number | null;
  teamId: number | null;
  departmentId: number | null;
}
