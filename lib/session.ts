import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { decode } from "next-auth/jwt";
import { getDb } from "@/db";
import type { User } from "@/db/schema";
import type { Viewer } from "@/lib/viewer";
import { authSecret } from "@/lib/env";
import { currentPath } from "@/lib/request";
import { Unauthenticated } from "@/lib/errors";
import { can, isRole, type Permission } from "@/lib/permissions";
import { loadActiveUser } from "@/lib/services/users";

export type { Viewer };

const sessionCookieNames = ["__Secure-next-auth.session-token", "next-auth.session-token"];

function toViewer(user: User): Viewer | null {
  if (!isRole(user.role)) return null;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    siteId: user.siteId,
    teamId: user.teamId,
    departmentId: user.departmentId,
  };
}

/** The session token, from a cookie or (for API clients of the app's own routes) nothing else. */
async function readSessionToken(): Promise<string | undefined> {
  const jar = await cookies();
  for (const name of sessionCookieNames) {
    const direct = jar.get(name)?.value;
    if (direct) return direct;
    // Large tokens are split into name.0, name.1, …
    const chunks = jar
      .getAll()
      .filter((c) => c.name.startsWith(`${name}.`))
      .sort((a, b) => Number(a.name.split(".").pop()) - Number(b.name.split(".").pop()));
    if (chunks.length > 0) return chunks.map((c) => c.value).join("");
  }
  return undefined;
}

/** Cached per request: every check on one page costs one lookup. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const token = await readSessionToken();
  if (!token) return null;
  const claims = await decode({ token, secret: authSecret() }).catch(() => null);
  if (!claims?.uid) return null;
  const user = await loadActiveUser(await getDb(), claims.uid, claims.sv);
  return user ? toViewer(user) : null;
});

/** For pages: no session sends the person to sign in and back; a wrong role gets 403. */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) {
    const path = (await currentPath()) ?? "/";
    redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  }
  return viewer;
}

export async function requirePermission(permission: Permission): Promise<Viewer> {
  const viewer = await requireViewer();
  if (!can(viewer.role, permission)) forbidden();
  return viewer;
}

/** For server actions and route handlers: throws expected errors instead of redirecting. */
export async function assertViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) throw new Unauthenticated();
  return viewer;
}
