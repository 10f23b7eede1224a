import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/**
 * The only reader of process.env. Everything the app can be configured with is here,
 * parsed once, with a message that names the variable when it is wrong.
 */
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must start with postgres:// or postgresql://")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  /** A streaming replica for the dashboards' reads; writes and read-your-writes stay on DATABASE_URL. */
  DATABASE_READ_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_READ_URL must start with postgres:// or postgresql://")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** "false" behind PgBouncer in transaction mode, which cannot keep prepared statements. */
  DATABASE_PREPARE: z
    .enum(["0", "1", "true", "false"])
    .default("true")
    .transform((v) => v === "1" || v === "true"),
  PGLITE_DIR: z.string().min(1).default("./data/pglite"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters").optional(),
  NEXTAUTH_URL: z.url().optional(),
  SESSION_MAX_AGE_HOURS: z.coerce.number().min(0.05).max(24 * 30).default(10),
  SEED_DEMO: z
    .enum(["0", "1", "true", "false"])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === "1" || v === "true")),
  DEMO_API_TOKEN: z.string().min(16, "DEMO_API_TOKEN must be at least 16 characters").optional(),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_NAME: z.string().default("SSO"),
  SMTP_URL: z
    .string()
    .regex(/^(log:|smtps?:\/\/[^/?#]+)/, "SMTP_URL must be smtp://user:password@host:port, smtps://… or log:")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  EMAIL_FROM: z
    .string()
    .regex(/^[^@\s<>]+@[^@\s<>]+$|<[^@\s<>]+@[^@\s<>]+>$/, "EMAIL_FROM must be an address, e.g. voc@example.com or VoC <voc@example.com>")
    .default("VoC <voc@localhost>"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  /** `npm run bench` only: serves /api/bench/*, bare routes to compare the real ones against. */
  BENCH_ROUTES: z
    .enum(["0", "1", "true", "false"])
    .default("0")
    .transform((v) => v === "1" || v === "true"),
});

export type Env = z.infer<typeof schema>;

function parseEnv(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

export const env: Env = parseEnv();

// next-auth 4 builds its callback URLs from NEXTAUTH_URL, or from the request's host when told
// to trust it. Without either it assumes localhost:3000, which breaks on any other port.
if (!env.NEXTAUTH_URL && !process.env.AUTH_TRUST_HOST) process.env.AUTH_TRUST_HOST = "true";

export const databaseEngine: "pglite" | "postgres" = env.DATABASE_URL ? "postgres" : "pglite";

export function pgliteDataDir(): string {
  return path.resolve(env.PGLITE_DIR);
}

/** Demo accounts go into the embedded database by default, into a server only when asked. */
export function shouldSeedDemo(): boolean {
  return env.SEED_DEMO ?? databaseEngine === "pglite";
}

let cachedSecret: string | undefined;

/**
 * The session signing secret. Given by AUTH_SECRET (or NEXTAUTH_SECRET); on the embedded
 * default it is generated once and kept beside the data folder, so sessions survive restarts.
 * A server database in production must be given one: instances must share it.
 */
export function authSecret(): string {
  if (cachedSecret) return cachedSecret;
  const given = env.AUTH_SECRET ?? env.NEXTAUTH_SECRET;
  if (given) return (cachedSecret = given);
  if (databaseEngine === "postgres" && env.NODE_ENV === "production") {
    throw new Error("AUTH_SECRET is required in production with DATABASE_URL (every instance must share it).");
  }
  const file = path.join(path.dirname(pgliteDataDir()), "auth-secret");
  if (existsSync(file)) return (cachedSecret = readFileSync(file, "utf8").trim());
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(48).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return (cachedSecret = secret);
}

export const oidcConfigured = Boolean(env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET);
