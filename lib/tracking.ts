import { createHash, randomInt } from "node:crypto";

// Crockford's base32 without I, L, O, U: easy to read aloud and to type on a phone.
const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A tracking number for a public submission, e.g. VC-7K2M-9QX4 (40 bits of randomness). */
export function newTrackingNumber(random: (max: number) => number = randomInt): string {
  let chars = "";
  for (let i = 0; i < 8; i++) chars += alphabet[random(alphabet.length)];
  return `VC-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/** Accepts what a person types (lower case, spaces, O for 0, missing dashes). */
export function normalizeTrackingNumber(input: string): string | null {
  const cleaned = input
    .toUpperCase()
    .replace(/[\s-]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  const body = cleaned.startsWith("VC") ? cleaned.slice(2) : cleaned;
  if (!/^[0-9A-HJKMNP-TV-Z]{8}$/.test(body)) return null;
  return `VC-${body.slice(0, 4)}-${body.slice(4)}`;
}

/** The contact a customer gave, reduced to a form that matches however it is typed again. */
export function normalizeContact(contact: string): string {
  const trimmed = contact.trim().toLowerCase();
  if (trimmed.includes("@")) return trimmed;
  const digits = trimmed.replace(/\D/g, "");
  return digits.startsWith("86") && digits.length === 13 ? digits.slice(2) : digits;
}

export function contactDigest(contact: string): string {
  return createHash("sha256").update(`voc-contact:${normalizeContact(contact)}`).digest("hex");
}
