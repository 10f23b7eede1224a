import { once } from "node:events";
import { createServer, type AddressInfo } from "node:net";
import { eq, inArray } from "drizzle-orm";
import PostalMime from "postal-mime";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { emailOutbox, settings } from "@/db/schema";
import { deliverPendingEmails, smtpUrlProblem, transportFor } from "@/lib/services/email-outbox";
import { notifyUsers } from "@/lib/services/workflow-support";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { createUser } from "../helpers/factories";

// Notifications go to the outbox only with SMTP_URL set (read once, when lib/env loads) and the
// setting on. The real server's port is only known once it listens, so the transport is built
// from its URL below; the variable here only switches the outbox on.
vi.hoisted(() => {
  process.env.SMTP_URL = "smtp://mail.invalid:25";
});

interface Received {
  from: string;
  to: string[];
  subject: string;
  text: string;
  fromHeader: string;
}

const login = { user: "voc-relay", pass: "s3cret:p@ss" };
const from = "客户之声 <voc@test.local>";
/** Mail to this address is refused by the server with a 550, as a relay refuses an unknown mailbox. */
const refusedAddress = "nobody@refused.test";

let t: TestDatabase;
let server: SMTPServer;
let smtpUrl: string;
const received: Received[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  await t.db.update(settings).set({ value: { enabled: true } }).where(eq(settings.key, "email.delivery"));
  server = new SMTPServer({
    // Plain SMTP on localhost: no STARTTLS to offer, so the login is allowed without it.
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === login.user && auth.password === login.pass) callback(null, { user: auth.username });
      else callback(new Error("535 Authentication failed"));
    },
    onRcptTo(address, _session, callback) {
      if (address.address === refusedAddress) callback(Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 }));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        PostalMime.parse(Buffer.concat(chunks))
          .then((mail) => {
            received.push({
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
              to: session.envelope.rcptTo.map((r) => r.address),
              subject: mail.subject ?? "",
              text: mail.text ?? "",
              fromHeader: `${mail.from?.name ?? ""} <${mail.from?.address ?? ""}>`,
            });
            callback();
          })
          .catch(callback);
      });
    },
  });
  server.listen(0, "127.0.0.1");
  await once(server.server, "listening");
  const { port } = server.server.address() as AddressInfo;
  smtpUrl = `smtp://${encodeURIComponent(login.user)}:${encodeURIComponent(login.pass)}@127.0.0.1:${port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => (server ? server.close(resolve) : resolve()));
  await t?.close();
});

/** A port nothing listens on: bound once to learn a free number, then released. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, "127.0.0.1");
  await once(probe, "listening");
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function outboxRows(addresses: string[]) {
  return t.db.select().from(emailOutbox).where(inArray(emailOutbox.toAddress, addresses));
}

describe("e-mail delivery through an SMTP server", () => {
  it("sends what notifications put in the outbox, logged in with the URL's user and password, and marks the rows sent", async () => {
    const agent = await createUser(t.db, "agent");
    const supervisor = await createUser(t.db, "supervisor");
    await t.db.transaction((tx) =>
      notifyUsers(tx, [agent.id, supervisor.id], {
        kind: "issue.resolved",
        title: "您反映的问题已解决：密码函迟迟未到",
        body: "开卡后即可在800电话设置交易密码，当天就能用卡。",
        link: "/agent/records/7",
      }),
    );
    const queued = await outboxRows([agent.email, supervisor.email]);
    expect(queued.map((r) => r.status)).toEqual(["pending", "pending"]);

    const transport = transportFor(smtpUrl, from);
    expect(transport?.name).toBe("smtp");
    expect(await deliverPendingEmails(t.db, transport!)).toEqual({ sent: 2, retrying: 0, failed: 0 });

    expect(received.map((m) => m.to).sort()).toEqual([[agent.email], [supervisor.email]].sort());
    for (const message of received) {
      expect(message.from).toBe("voc@test.local");
      expect(message.fromHeader).toBe(from);
      expect(message.subject).toBe("您反映的问题已解决：密码函迟迟未到");
      expect(message.text).toContain("开卡后即可在800电话设置交易密码，当天就能用卡。");
      expect(message.text).toContain("/agent/records/7");
    }
    const rows = await outboxRows([agent.email, supervisor.email]);
    expect(rows.every((r) => r.status === "sent" && r.attempts === 1 && r.sentAt instanceof Date && r.lastError === null)).toBe(true);
  });

  it("keeps a row the server refuses pending, with the server's answer as its error", async () => {
    const before = received.length;
    const [row] = await t.db.insert(emailOutbox).values({ toAddress: refusedAddress, subject: "退信测试", body: "正文" }).returning();
    expect(await deliverPendingEmails(t.db, transportFor(smtpUrl, from)!)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const [state] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.id, row.id));
    expect(state).toMatchObject({ status: "pending", attempts: 1, sentAt: null });
    expect(state.lastError).toMatch(/550/);
    expect(received).toHaveLength(before);
    // Out of the way of the next test: this one would be tried again.
    await t.db.update(emailOutbox).set({ status: "failed" }).where(eq(emailOutbox.id, row.id));
  });

  it("keeps a row pending with the error when the login is refused", async () => {
    const [row] = await t.db.insert(emailOutbox).values({ toAddress: "someone@test.local", subject: "登录失败", body: "正文" }).returning();
    const wrongPassword = smtpUrl.replace(encodeURIComponent(login.pass), "wrong");
    expect(await deliverPendingEmails(t.db, transportFor(wrongPassword, from)!)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const [state] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.id, row.id));
    expect(state).toMatchObject({ status: "pending", attempts: 1 });
    expect(state.lastError).toMatch(/535|auth/i);
    await t.db.update(emailOutbox).set({ status: "failed" }).where(eq(emailOutbox.id, row.id));
  });

  it("keeps a row pending with the error when no server answers on the port", async () => {
    const [row] = await t.db.insert(emailOutbox).values({ toAddress: "later@test.local", subject: "稍后重试", body: "正文" }).returning();
    const nobody = transportFor(`smtp://127.0.0.1:${await closedPort()}`, from)!;
    expect(await deliverPendingEmails(t.db, nobody)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const [state] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.id, row.id));
    expect(state).toMatchObject({ status: "pending", attempts: 1, sentAt: null });
    expect(state.lastError).toMatch(/ECONNREFUSED/);

    // The same row goes out once a server answers.
    expect(await deliverPendingEmails(t.db, transportFor(smtpUrl, from)!)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(received.at(-1)).toMatchObject({ to: ["later@test.local"], subject: "稍后重试" });
  });
});

describe("SMTP_URL", () => {
  it("is smtp:// or smtps:// with a server; anything else is refused with a sentence that names the variable and not the password", () => {
    expect(transportFor("smtps://user:pw@mail.example.com")?.name).toBe("smtp");
    expect(smtpUrlProblem("smtp://mail.example.com:587")).toBeNull();
    const cases: [string, RegExp][] = [
      ["mail.example.com", /SMTP_URL is not a URL/],
      ["http://user:hunter2@mail.example.com", /SMTP_URL must start with smtp:\/\/, smtps:\/\/ or log:, not http:\/\//],
      ["smtp://", /SMTP_URL names no mail server/],
    ];
    for (const [url, message] of cases) {
      expect(smtpUrlProblem(url)).toMatch(message);
      expect(() => transportFor(url, from)).toThrow(message);
      expect(() => transportFor(url, from)).not.toThrow(/hunter2/);
    }
  });
});
