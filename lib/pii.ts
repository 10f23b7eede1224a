/**
 * Personal data in free text. Card numbers (found by pattern and the Luhn check) and mainland
 * ID-card numbers (found by pattern and their check digit) are masked before anything is stored,
 * keeping at most the last four digits. Phone numbers are kept, and masked when shown.
 */

function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

const idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const idCheck = "10X98765432";

function idCardValid(id: string): boolean {
  const body = id.slice(0, 17);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (body.charCodeAt(i) - 48) * idWeights[i];
  return idCheck[sum % 11] === id[17].toUpperCase();
}

// Full-width digits are common in Chinese input; fold them before matching.
function foldWidth(text: string): string {
  return text.replace(/[０-９Ｘｘ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

// 13–19 digits, optionally in groups separated by spaces or dashes.
const panPattern = /(?<![0-9])(?:[0-9][ -]?){12,18}[0-9](?![0-9])/g;
const idPattern = /(?<![0-9])[1-9][0-9]{5}(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx](?![0-9A-Za-z])/g;

export interface MaskResult {
  text: string;
  masked: number;
}

export function maskSensitive(input: string): MaskResult {
  let masked = 0;
  let text = foldWidth(input);
  text = text.replace(idPattern, (match) => {
    if (!idCardValid(match)) return match;
    masked += 1;
    return `${"*".repeat(14)}${match.slice(-4)}`;
  });
  text = text.replace(panPattern, (match) => {
    const digits = match.replace(/[ -]/g, "");
    if (digits.length < 13 || digits.length > 19 || !luhnValid(digits)) return match;
    masked += 1;
    return `${"*".repeat(digits.length - 4)}${digits.slice(-4)}`;
  });
  return masked > 0 ? { text, masked } : { text: input, masked: 0 };
}

/** A phone number or e-mail as staff without the need see it: 138****8000, l***@example.com. */
export function maskContact(contact: string | null | undefined): string | null {
  if (!contact) return null;
  const trimmed = contact.trim();
  const at = trimmed.indexOf("@");
  if (at > 0) return `${trimmed[0]}***${trimmed.slice(at)}`;
  let digits = trimmed.replace(/\D/g, "");
  if (digits.length === 13 && digits.startsWith("86")) digits = digits.slice(2);
  if (digits.length >= 7) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  return "****";
}

/** Mainland mobile numbers, with or without +86 and separators. */
export const mobilePattern = /^(?:\+?86[ -]?)?1[3-9][0-9](?:[ -]?[0-9]{4}){2}$/;
