import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Locale } from "./config";

export type Messages = { [key: string]: string | Messages };

const cache = new Map<Locale, Messages>();

/**
 * A locale's messages: the core file `messages/<locale>.json` plus one file per feature in
 * `messages/<locale>/<namespace>.json`, each becoming the namespace of its file name.
 */
export function loadMessages(locale: Locale): Messages {
  const cached = cache.get(locale);
  if (cached) return cached;
  const dir = path.join(process.cwd(), "lib", "i18n", "messages");
  const messages = JSON.parse(readFileSync(path.join(dir, `${locale}.json`), "utf8")) as Messages;
  let files: string[] = [];
  try {
    files = readdirSync(path.join(dir, locale)).filter((f) => f.endsWith(".json"));
  } catch {
    files = [];
  }
  for (const file of files.sort()) {
    messages[file.slice(0, -".json".length)] = JSON.parse(readFileSync(path.join(dir, locale, file), "utf8")) as Messages;
  }
  cache.set(locale, messages);
  return messages;
}
