import { and, asc, count, eq, lt } from "drizzle-orm";
import nodemailer from "nodemailer";
import type { Database } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { env } from "@/lib/env";
import { repeatInBackground } from "@/lib/repeat";

/**
 * Delivery of the e-mails `notifyUsers` puts in the outbox (only when SMTP_URL is set and the
 * `email.delivery` setting is on). Each row is sent through a transport given by the caller:
 * SMTP (nodemailer) in production, the log in development, a fake one in tests. A failure is
 * kept on the row and retried until `maxAttempts`.
 */

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface EmailTransport {
  readonly name: string;
  send(message: EmailMessage): Promise<void>;
}

/** A transport that only writes what it would send to the log: for development and demos. */
export function logTransport(write: (line: string) => void = (line) => console.info(line)): EmailTransport {
  return {
    name: "log",
    async send(message) {
      write(`[email] to=${message.to} subject=${JSON.stringify(message.subject)} (${message.text.length} chars)`);
    },
  };
}

const smtpShape = "smtp://user:password@host:587 (or smtps://… for TLS from the start, or log: to only log)";

/**
 * Checks an SMTP URL and says what is wrong with it, without repeating it (it may hold a
 * password). Exported for the tests; `transportFor` throws its answer.
 */
export function smtpUrlProblem(smtpUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    return `SMTP_URL is not a URL; expected ${smtpShape}.`;
  }
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:") return `SMTP_URL must start with smtp://, smtps:// or log:, not ${url.protocol}//; expected ${smtpShape}.`;
  if (!url.hostname) return `SMTP_URL names no mail server; expected ${smtpShape}.`;
  return null;
}

/**
 * Sends through an SMTP server (nodemailer): `smtp://` speaks plain SMTP and upgrades with
 * STARTTLS when the server offers it, `smtps://` is TLS from the start (port 465 unless given).
 * A user and password in the URL are used to log in; query parameters are nodemailer options
 * (e.g. `?tls.rejectUnauthorized=false` for a relay with its own certificate). Short timeouts:
 * a server that does not answer is a failure to retry later, not a worker stuck for minutes.
 */
export function smtpTransport(smtpUrl: string, from: string): EmailTransport {
  const problem = smtpUrlProblem(smtpUrl);
  if (problem) throw new Error(problem);
  const transporter = nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
  return {
    name: "smtp",
    async send(message) {
      await transporter.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
    },
  };
}

/** The transport SMTP_URL asks for: none when it is unset (delivery is off), the log for `log:`, SMTP otherwise. */
export function transportFromEnv(): EmailTransport | null {
  return transportFor(env.SMTP_URL, env.EMAIL_FROM);
}

export function transportFor(smtpUrl: string | undefined, from = env.EMAIL_FROM): EmailTransport | null {
  if (!smtpUrl) return null;
  if (smtpUrl.startsWith("log:")) return logTransport();
  return smtpTransport(smtpUrl, from);
}

export interface DeliveryResult {
  sent: number;
  /** Failed this time and will be tried again. */
  retrying: number;
  /** Failed for the last allowed time. */
  failed: number;
}

/**
 * Sends pending rows (and earlier failures with attempts left), oldest first. Each row is locked
 * while it is sent, so two workers never send the same e-mail; the row then says sent, or keeps
 * the error, the count of attempts, and stays pending until the last attempt.
 */
export async function deliverPendingEmails(
  db: Database,
  transport: EmailTransport,
  options: { batchSize?: number; maxAttempts?: number } = {},
): Promise<DeliveryResult> {
  const batchSize = options.batchSize ?? 50;
  const maxAttempts = options.maxAttempts ?? 5;
  const result: DeliveryResult = { sent: 0, retrying: 0, failed: 0 };
  const candidates = await db
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.status, "pending"), lt(emailOutbox.attempts, maxAttempts)))
    .orderBy(asc(emailOutbox.createdAt), asc(emailOutbox.id))
    .limit(batchSize);
  for (const { id } of candidates) {
    await db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(emailOutbox)
        .where(and(eq(emailOutbox.id, id), eq(emailOutbox.status, "pending"), lt(emailOutbox.attempts, maxAttempts)))
        .for("update", { skipLocked: true });
      if (!row) return;
      const attempts = row.attempts + 1;
      try {
        await transport.send({ to: row.toAddress, subject: row.subject, text: row.body });
        await tx.update(emailOutbox).set({ status: "sent", attempts, sentAt: new Date(), lastError: null }).where(eq(emailOutbox.id, row.id));
        result.sent += 1;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const status = attempts >= maxAttempts ? "failed" : "pending";
        await tx.update(emailOutbox).set({ status, attempts, lastError: message.slice(0, 1000) }).where(eq(emailOutbox.id, row.id));
        if (status === "failed") result.failed += 1;
        else result.retrying += 1;
      }
    });
  }
  return result;
}

/** Rows by status, for the settings page and tests. */
export async function countOutbox(db: Database): Promise<Record<string, number>> {
  const rows = await db.select({ status: emailOutbox.status, n: count() }).from(emailOutbox).groupBy(emailOutbox.status);
  const out: Record<string, number> = { pending: 0, sent: 0, failed: 0 };
  for (const r of rows) out[r.status] = r.n;
  return out;
}

/**
 * For the server's start-up (instrumentation): sends the outbox every `intervalMs` while
 * SMTP_URL names a transport; does nothing otherwise. Runs never overlap in one process, and
 * the row locks keep several instances from sending the same e-mail. Returns a stop function.
 */
export function startEmailDelivery(database: () => Promise<Database>, intervalMs = 60_000): (() => void) | null {
  let transport: EmailTransport | null;
  try {
    transport = transportFromEnv();
  } catch (error) {
    console.error("[voc] e-mail delivery is off:", error instanceof Error ? error.message : error);
    return null;
  }
  if (!transport) return null;
  const using = transport;
  return repeatInBackground("e-mail delivery", intervalMs, async () => deliverPendingEmails(await database(), using));
}
