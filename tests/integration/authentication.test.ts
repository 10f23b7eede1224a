import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, users } from "@/db/schema";
import { Conflict, Forbidden, NotFound, RateLimited } from "@/lib/errors";
import { authenticate } from "@/lib/services/authentication";
import { CannotDisableSelf, setUserStatus } from "@/lib/services/user-admin";
import { loadActiveUser } from "@/lib/services/users";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { createUser, testPassword, viewerOf } from "../helpers/factories";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

async function auditCount(action: string, entityId?: string) {
  const [{ n }] = await t.db
    .select({ n: count() })
    .from(auditLog)
    .where(entityId ? and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)) : eq(auditLog.action, action));
  return n;
}

describe("password sign-in", () => {
  it("accepts the right password, whatever the e-mail's case, and records the sign-in", async () => {
    const user = await createUser(t.db, "agent");
    const signedIn = await authenticate(t.db, { email: user.email.toUpperCase(), password: testPassword, ip: "10.0.0.1" });
    expect(signedIn?.id).toBe(user.id);
    expect(await auditCount("user.signed_in", String(user.id))).toBe(1);
    const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(row.lastSignInAt).toBeInstanceOf(Date);
  });

  it("stores passwords as argon2id hashes, never as given", async () => {
    const user = await createUser(t.db, "agent");
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.passwordHash).not.toContain(testPassword);
  });

  it("refuses a wrong password and an unknown account, recording each failure", async () => {
    const user = await createUser(t.db, "supervisor");
    expect(await authenticate(t.db, { email: user.email, password: "wrong", ip: "10.0.0.2" })).toBeNull();
    expect(await authenticate(t.db, { email: "nobody@test.local", password: "wrong", ip: "10.0.0.2" })).toBeNull();
    expect(await auditCount("user.sign_in_failed", String(user.id))).toBe(1);
    expect(await auditCount("user.sign_in_failed", "nobody@test.local")).toBe(1);
  });

  it("slows down guessing: after five failures even the right password waits, for longer each time", async () => {
    const user = await createUser(t.db, "manager");
    const now = new Date("2026-11-29T02:00:00Z");
    for (let i = 0; i < 5; i++) {
      expect(await authenticate(t.db, { email: user.email, password: `guess-${i}`, ip: "10.0.0.3" }, now)).toBeNull();
    }
    const sixth = await authenticate(t.db, { email: user.email, password: "guess-6", ip: "10.0.0.3" }, now).catch((e: unknown) => e);
    expect(sixth).toBeInstanceOf(RateLimited);
    expect((sixth as RateLimited).retryAfterSeconds).toBe(30);
    const during = new Date(now.getTime() + 10_000);
    await expect(authenticate(t.db, { email: user.email, password: testPassword, ip: "10.0.0.4" }, during)).rejects.toThrow(/Too many failed sign-ins/);

    const afterFirstBlock = new Date(now.getTime() + 31_000);
    const seventh = await authenticate(t.db, { email: user.email, password: "guess-7", ip: "10.0.0.3" }, afterFirstBlock).catch((e: unknown) => e);
    expect((seventh as RateLimited).retryAfterSeconds).toBe(60);

    // Once the block has passed, the right password works and clears the count.
    const later = new Date(afterFirstBlock.getTime() + 61_000);
    const ok = await authenticate(t.db, { email: user.email, password: testPassword, ip: "10.0.0.4" }, later);
    expect(ok?.id).toBe(user.id);
    expect(await authenticate(t.db, { email: user.email, password: "one-more-typo", ip: "10.0.0.4" }, later)).toBeNull();
  });

  it("refuses a disabled account even with the right password", async () => {
    const user = await createUser(t.db, "agent", { status: "disabled" });
    expect(await authenticate(t.db, { email: user.email, password: testPassword, ip: "10.0.0.5" })).toBeNull();
  });
});

describe("disabling an account", () => {
  it("ends the user's sessions at their next request and writes one audit row", async () => {
    const admin = await createUser(t.db, "admin");
    const agent = await createUser(t.db, "agent");
    expect(await loadActiveUser(t.db, agent.id, agent.sessionVersion)).not.toBeNull();

    await setUserStatus(t.db, viewerOf(admin), { userId: agent.id, status: "disabled" });

    expect(await loadActiveUser(t.db, agent.id, agent.sessionVersion)).toBeNull();
    const [row] = await t.db.select().from(users).where(eq(users.id, agent.id));
    expect(row.status).toBe("disabled");
    expect(row.sessionVersion).toBe(agent.sessionVersion + 1);
    expect(await auditCount("user.disabled", String(agent.id))).toBe(1);

    // Re-enabled, the old session stays revoked: a new sign-in is needed.
    await setUserStatus(t.db, viewerOf(admin), { userId: agent.id, status: "active" });
    expect(await loadActiveUser(t.db, agent.id, agent.sessionVersion)).toBeNull();
    expect(await loadActiveUser(t.db, agent.id, agent.sessionVersion + 1)).not.toBeNull();
  });

  it("is refused to every role but admin, and nothing is written", async () => {
    const target = await createUser(t.db, "agent");
    for (const role of ["agent", "supervisor", "specialist", "manager", "department", "leadership"] as const) {
      const actor = await createUser(t.db, role);
      await expect(setUserStatus(t.db, viewerOf(actor), { userId: target.id, status: "disabled" })).rejects.toBeInstanceOf(Forbidden);
    }
    const [row] = await t.db.select().from(users).where(eq(users.id, target.id));
    expect(row.status).toBe("active");
    expect(await auditCount("user.disabled", String(target.id))).toBe(0);
  });

  it("says why when it cannot be done", async () => {
    const admin = await createUser(t.db, "admin");
    await expect(setUserStatus(t.db, viewerOf(admin), { userId: admin.id, status: "disabled" })).rejects.toBeInstanceOf(CannotDisableSelf);
    await expect(setUserStatus(t.db, viewerOf(admin), { userId: 987_654, status: "disabled" })).rejects.toBeInstanceOf(NotFound);
    const agent = await createUser(t.db, "agent");
    await expect(setUserStatus(t.db, viewerOf(admin), { userId: agent.id, status: "active" })).rejects.toBeInstanceOf(Conflict);
  });
});
