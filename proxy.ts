import { NextResponse, type NextRequest } from "next/server";

const staffPrefixes = ["/agent", "/supervisor", "/specialist", "/manager", "/department", "/leadership", "/admin", "/account", "/bulletins", "/issues", "/meetings", "/notifications", "/home"];
const sessionCookies = ["__Secure-next-auth.session-token", "next-auth.session-token"];

/**
 * A fast first gate: staff pages without any session cookie go to sign-in at once.
 * It is not the authorization: every page, action and route checks the session and role itself.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isStaff = staffPrefixes.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  if (isStaff) {
    const hasSession = request.cookies.getAll().some((c) => sessionCookies.some((n) => c.name === n || c.name.startsWith(`${n}.`)));
    if (!hasSession) {
      const url = request.nextUrl.clone();
      url.pathname = "/signin";
      url.search = `?callbackUrl=${encodeURIComponent(pathname + search)}`;
      return NextResponse.redirect(url);
    }
  }
  const headers = new Headers(request.headers);
  headers.set("x-pathname", pathname + search);
  return NextResponse.next({ request: { headers } });
}

// Not the API (/api/…): it has no staff pages to redirect from and reads no x-pathname, and the
// proxy otherwise runs, and copies every header, on each of its requests. Not a server action's
// POST either (it carries Next-Action): the action checks the session itself, and a page it
// re-renders takes its path from the Referer (lib/request.ts currentPath). The proxy cost a
// server action about a millisecond of the server's time.
export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|api/).*)", missing: [{ type: "header", key: "next-action" }] }],
};
