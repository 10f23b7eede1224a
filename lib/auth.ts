import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { Provider } from "next-auth/providers/index";
import { getDb } from "@/db";
import { authSecret, env, oidcConfigured } from "@/lib/env";
import { RateLimited } from "@/lib/errors";
import { isRole } from "@/lib/permissions";
import { authenticate } from "@/lib/services/authentication";
import { findUserForSso, loadActiveUser } from "@/lib/services/users";

declare module "next-auth" {
  interface Session {
    user: { id: number; role: string; name: string; email: string };
  }
  interface User {
    role?: string;
    sessionVersion?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: number;
    role?: string;
    sv?: number;
  }
}

function clientIp(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const first = typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : undefined;
  const real = headers?.["x-real-ip"];
  return first || (typeof real === "string" ? real : "") || "unknown";
}

const providers: Provider[] = [
  CredentialsProvider({
    id: "credentials",
    name: "Email",
    credentials: {
      email: { label: "Email", type: "email" },
      password: { label: "Password", type: "password" },
    },
    async authorize(credentials, req) {
      const db = await getDb();
      try {
        const user = await authenticate(db, {
          email: String(credentials?.email ?? "").slice(0, 254),
          password: String(credentials?.password ?? "").slice(0, 256),
          ip: clientIp(req.headers),
        });
        if (!user) return null;
        return { id: String(user.id), email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
      } catch (error) {
        // next-auth passes the message to the sign-in page as its error code.
        if (error instanceof RateLimited) throw new Error(`rate_limited:${error.retryAfterSeconds}`);
        throw error;
      }
    },
  }),
];

// An enterprise identity provider, when configured: accounts still come from our users table
// (matched by e-mail), so roles and disabling work the same way.
if (oidcConfigured) {
  providers.push({
    id: "oidc",
    name: env.OIDC_NAME,
    type: "oauth",
    wellKnown: `${env.OIDC_ISSUER}/.well-known/openid-configuration`,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    profile(profile: { sub: string; email?: string; name?: string }) {
      return { id: profile.sub, email: profile.email ?? null, name: profile.name ?? null };
    },
  });
}

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: Math.round(env.SESSION_MAX_AGE_HOURS * 3600) },
  jwt: { maxAge: Math.round(env.SESSION_MAX_AGE_HOURS * 3600) },
  pages: { signIn: "/signin", error: "/signin" },
  providers,
  callbacks: {
    async signIn({ user, account }) {
      if (account?.provider === "credentials") return true;
      const db = await getDb();
      const known = user.email ? await findUserForSso(db, user.email) : null;
      if (!known) return "/signin?error=sso_unknown";
      user.id = String(known.id);
      user.role = known.role;
      user.sessionVersion = known.sessionVersion;
      return true;
    },
    async jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.role = user.role;
        token.sv = user.sessionVersion;
        return token;
      }
      // Every later read of the session re-checks the account: a disabled user, or one whose
      // sessions were revoked, gets no session (next-auth clears the cookie on this error).
      const current = await loadActiveUser(await getDb(), token.uid, token.sv);
      if (!current) throw new Error("session revoked");
      token.role = current.role;
      return token;
    },
    async session({ session, token }) {
      const role = isRole(token.role) ? token.role : "";
      session.user = {
        id: token.uid ?? 0,
        role,
        name: token.name ?? "",
        email: token.email ?? "",
      };
      return session;
    },
  },
  logger: {
    error(code, metadata) {
      if (code === "CREDENTIALS_SIGNIN_ERROR" || code === "JWT_SESSION_ERROR") return;
      console.error(`[auth] ${code}`, metadata);
    },
    warn() {},
    debug() {},
  },
};
