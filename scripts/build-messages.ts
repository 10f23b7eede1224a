/**
 * Traditional Chinese UI text is derived from the Simplified source with OpenCC (Taiwan
 * phrases), then committed: `npx tsx scripts/build-messages.ts`. Overrides in
 * lib/i18n/messages/zh-Hant.overrides.json win where a phrase needs a human touch.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import * as OpenCC from "opencc-js";

type Messages = { [key: string]: string | Messages };

const dir = "lib/i18n/messages";
const convert = OpenCC.Converter({ from: "cn", to: "twp" });
const source = JSON.parse(readFileSync(`${dir}/zh-Hans.json`, "utf8")) as Messages;
const overridesFile = `${dir}/zh-Hant.overrides.json`;
const overrides = existsSync(overridesFile) ? (JSON.parse(readFileSync(overridesFile, "utf8")) as Messages) : {};

// OpenCC's Taiwan phrases follow software usage; in a bank's documents these read better.
const phraseFixes: [RegExp, string][] = [
  [/釋出/g, "發布"],
  [/引數/g, "參數"],
  [/響應/g, "回應"],
  [/字首/g, "前綴"],
];
const fix = (text: string) => phraseFixes.reduce((t, [from, to]) => t.replace(from, to), text);

function transform(node: Messages, patch: Messages | undefined): Messages {
  const out: Messages = {};
  for (const [key, value] of Object.entries(node)) {
    const override = patch?.[key];
    if (typeof value === "string") out[key] = typeof override === "string" ? override : fix(convert(value));
    else out[key] = transform(value, typeof override === "object" ? override : undefined);
  }
  return out;
}

writeFileSync(`${dir}/zh-Hant.json`, `${JSON.stringify(transform(source, overrides), null, 2)}\n`);
console.log(`wrote ${dir}/zh-Hant.json`);

// Feature namespaces: messages/zh-Hans/<namespace>.json → messages/zh-Hant/<namespace>.json.
if (existsSync(`${dir}/zh-Hans`)) {
  mkdirSync(`${dir}/zh-Hant`, { recursive: true });
  for (const file of readdirSync(`${dir}/zh-Hans`).filter((f) => f.endsWith(".json"))) {
    const namespace = file.slice(0, -".json".length);
    const tree = JSON.parse(readFileSync(`${dir}/zh-Hans/${file}`, "utf8")) as Messages;
    const patch = overrides[namespace];
    writeFileSync(`${dir}/zh-Hant/${file}`, `${JSON.stringify(transform(tree, typeof patch === "object" ? patch : undefined), null, 2)}\n`);
    console.log(`wrote ${dir}/zh-Hant/${file}`);
  }
}
