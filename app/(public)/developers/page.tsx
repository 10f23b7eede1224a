import type { Metadata } from "next";
import { headers } from "next/headers";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { getDb } from "@/db";
import { curlExample, listOperations, openApiDocument, type DocumentedOperation, type JsonSchema, type OpenApiParameter } from "@/lib/api/openapi";
import { problemKinds, problemType, type ProblemKind } from "@/lib/api/problem";
import { listReferenceCodes } from "@/lib/api/reference";

type Translate = Awaited<ReturnType<typeof getTranslations<"integration">>>;
/** A short human reading of a JSON Schema, in the viewer's language. */
type ReadSchema = (schema: JsonSchema) => string;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("integration"))("developers.title") };
}

const codeClass = "rounded bg-slate-100 px-1";
const code = (chunks: React.ReactNode) => <code className={codeClass}>{chunks}</code>;

/** `code` spans in the document's descriptions, rendered as code. */
function Prose({ text }: { text: string }) {
  return (
    <>
      {text.split(/(`[^`]+`)/).map((part, i) =>
        part.startsWith("`") && part.endsWith("`") && part.length > 1 ? (
          <code key={i} className="rounded bg-slate-100 px-1 py-0.5 text-[0.85em] text-slate-800">
            {part.slice(1, -1)}
          </code>
        ) : (
          part
        ),
      )}
    </>
  );
}

function Code({ children }: { children: string }) {
  return <pre className="overflow-x-auto rounded-lg bg-slate-900 p-4 text-xs leading-relaxed text-slate-100">{children}</pre>;
}

/**
 * A short human reading of a JSON Schema: "string, 1–200 characters", "one of: a, b".
 * Type names, formats and values stay as the schema spells them; the words around them are translated.
 */
function schemaReader(t: Translate, list: (items: string[]) => string): ReadSchema {
  const s = (key: string, values?: Record<string, string>) => t(`developers.schema.${key}`, values);
  function typeOf(schema: JsonSchema): string {
    if (typeof schema.$ref === "string") return schema.$ref.split("/").pop() ?? "object";
    if (Array.isArray(schema.anyOf)) return list(schema.anyOf.map(typeOf));
    if (Array.isArray(schema.enum)) return s("oneOf", { values: schema.enum.join(", ") });
    const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
    const parts = [types.filter((type) => type !== "null").join(" | ") || s("any")];
    if (schema.format) parts[0] = `${parts[0]} (${schema.format})`;
    if (schema.minLength !== undefined && schema.maxLength !== undefined) parts.push(s("lengthRange", { min: String(schema.minLength), max: String(schema.maxLength) }));
    else if (schema.maxLength !== undefined) parts.push(s("maxLength", { max: String(schema.maxLength) }));
    if (schema.minimum !== undefined && schema.maximum !== undefined) parts.push(`${schema.minimum}–${schema.maximum}`);
    if (schema.default !== undefined) parts.push(s("default", { value: JSON.stringify(schema.default) }));
    if (types.includes("null")) parts.push(s("nullable"));
    return parts.join(s("separator"));
  }
  return typeOf;
}

function MethodBadge({ method }: { method: string }) {
  return <Badge tone={method === "post" ? "green" : "brand"}>{method.toUpperCase()}</Badge>;
}

function ParameterTable({ parameters, t, typeOf }: { parameters: OpenApiParameter[]; t: Translate; typeOf: ReadSchema }) {
  return (
    <Table head={[t("developers.parameterColumns.parameter"), t("developers.parameterColumns.in"), t("developers.parameterColumns.type"), t("developers.parameterColumns.description")]}>
      {parameters.map((p) => (
        <tr key={`${p.in}-${p.name}`}>
          <Td className="whitespace-nowrap font-mono text-xs">
            {p.name}
            {p.required ? <span className="ml-1 text-rose-700">*</span> : null}
          </Td>
          <Td className="text-slate-600">{p.in}</Td>
          <Td className="text-slate-600">{typeOf(p.schema)}</Td>
          <Td>{p.description ? <Prose text={p.description} /> : null}</Td>
        </tr>
      ))}
    </Table>
  );
}

function Operation({ entry, origin, t, typeOf }: { entry: DocumentedOperation; origin: string; t: Translate; typeOf: ReadSchema }) {
  const { method, path, operation } = entry;
  const body = operation.requestBody?.content["application/json"];
  const scopes = operation.security.flatMap((s) => Object.values(s).flat());
  return (
    <section id={operation.operationId} aria-labelledby={`${operation.operationId}-title`} className="scroll-mt-6">
      <Card
        title={
          <span className="flex flex-wrap items-center gap-2">
            <span aria-hidden>
              <MethodBadge method={method} />
            </span>
            <span id={`${operation.operationId}-title`} className="font-mono">
              <span className="sr-only">{method.toUpperCase()} </span>
              {path}
            </span>
          </span>
        }
        action={scopes.length > 0 ? <Badge tone="amber">{scopes.join(", ")}</Badge> : <Badge>{t("developers.noToken")}</Badge>}
      >
        <div className="space-y-5 text-sm text-slate-700">
          <div>
            <h3 className="font-semibold text-slate-900">{operation.summary}</h3>
            <p className="mt-1 max-w-3xl">
              <Prose text={operation.description} />
            </p>
          </div>
          {operation.parameters && operation.parameters.length > 0 ? (
            <div>
              <h4 className="mb-2 font-medium text-slate-900">{t("developers.parameters")}</h4>
              <div className="px-5 py-5">
                <ParameterTable parameters={operation.parameters} t={t} typeOf={typeOf} />
              </div>
            </div>
          ) : null}
          {body ? (
            <div>
              <h4 className="mb-2 font-medium text-slate-900">
                {t("developers.requestExample")} <span className="font-normal text-slate-500">(application/json, {typeOf(body.schema)})</span>
              </h4>
              <Code>{JSON.stringify(body.example, null, 2)}</Code>
            </div>
          ) : null}
          <div>
            <h4 className="mb-2 font-medium text-slate-900">{t("developers.responses")}</h4>
            <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200">
              {Object.entries(operation.responses).map(([status, response]) => {
                const media = Object.entries(response.content ?? {})[0];
                return (
                  <li key={status} className="flex flex-wrap gap-x-3 gap-y-1 px-3 py-2">
                    <span className={`w-10 font-mono font-semibold ${Number(status) < 300 ? "text-emerald-700" : "text-rose-700"}`}>{status}</span>
                    <span className="flex-1">
                      <Prose text={response.description} />
                    </span>
                    {media ? <span className="font-mono text-xs text-slate-500">{media[0] === "application/problem+json" ? "problem+json" : typeOf(media[1].schema)}</span> : null}
                  </li>
                );
              })}
            </ul>
          </div>
          <div>
            <h4 className="mb-2 font-medium text-slate-900">curl</h4>
            <Code>{curlExample(origin, entry)}</Code>
          </div>
        </div>
      </Card>
    </section>
  );
}

async function requestOrigin(): Promise<string> {
  const list = await headers();
  const host = list.get("x-forwarded-host") ?? list.get("host");
  if (!host || !/^[A-Za-z0-9.:[\]-]+$/.test(host)) return "https://voc.example.com";
  const proto = list.get("x-forwarded-proto") === "https" ? "https" : "http";
  return `${proto}://${host}`;
}

export default async function DevelopersPage() {
  const [t, format] = await Promise.all([getTranslations("integration"), getFormatter()]);
  const typeOf = schemaReader(t, (items) => format.list(items, { type: "disjunction" }));
  const document = openApiDocument();
  const operations = listOperations(document);
  const [origin, reference] = await Promise.all([requestOrigin(), getDb().then(listReferenceCodes)]);
  const recordInput = document.components.schemas.RecordInput;
  const fields = Object.entries((recordInput.properties ?? {}) as Record<string, JsonSchema>);
  const required = new Set(recordInput.required ?? []);
  const codeHead = [t("developers.codeColumns.code"), t("developers.codeColumns.nameHans"), t("developers.codeColumns.nameEn")];

  return (
    <div className="space-y-8">
      <PageHeader
        title={t("developers.title")}
        description={
          <>
            {t("developers.intro")} <Prose text={document.info.description} />
          </>
        }
        actions={
          <a href="/api/v1/openapi.json" className="inline-flex items-center rounded-lg bg-white px-4 py-2 text-sm font-medium text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50">
            OpenAPI 3.1 JSON
          </a>
        }
      />

      <Card title={t("developers.gettingStarted")}>
        <ol className="list-decimal space-y-2 pl-5 text-sm text-slate-700">
          {(["token", "bearer", "retries", "errors"] as const).map((step) => (
            <li key={step}>{t.rich(`developers.steps.${step}`, { code })}</li>
          ))}
        </ol>
        <nav aria-label={t("developers.endpointsLabel")} className="mt-5">
          <h2 className="mb-2 text-sm font-semibold text-slate-800">{t("developers.endpoints")}</h2>
          <ul className="grid gap-1 text-sm sm:grid-cols-2">
            {operations.map(({ method, path, operation }) => (
              <li key={operation.operationId}>
                <a href={`#${operation.operationId}`} className="flex items-center gap-2 rounded px-1 py-0.5 hover:bg-slate-50">
                  <MethodBadge method={method} />
                  <span className="font-mono text-xs">{path}</span>
                  <span className="truncate text-slate-500">{operation.summary}</span>
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </Card>

      {operations.map((entry) => (
        <Operation key={entry.operation.operationId} entry={entry} origin={origin} t={t} typeOf={typeOf} />
      ))}

      <section id="record-fields" className="scroll-mt-6">
        <Card title={t("developers.recordFields")}>
          <Table head={[t("developers.fieldColumns.field"), t("developers.fieldColumns.type"), t("developers.fieldColumns.required"), t("developers.fieldColumns.description")]}>
            {fields.map(([name, schema]) => (
              <tr key={name}>
                <Td className="whitespace-nowrap font-mono text-xs">{name}</Td>
                <Td className="text-slate-600">{typeOf(schema)}</Td>
                <Td>{required.has(name) ? <Badge tone="amber">{t("developers.required")}</Badge> : <span className="text-slate-400">—</span>}</Td>
                <Td>{typeof schema.description === "string" ? <Prose text={schema.description} /> : null}</Td>
              </tr>
            ))}
          </Table>
        </Card>
      </section>

      <section id="problems" className="scroll-mt-6">
        <Card title={t("developers.problemTypes")}>
          <Table head={[t("developers.problemColumns.type"), t("developers.problemColumns.status"), t("developers.problemColumns.title")]}>
            {(Object.keys(problemKinds) as ProblemKind[]).map((kind) => (
              <tr key={kind} id={problemType(kind).split("#")[1]}>
                <Td className="font-mono text-xs">{problemType(kind)}</Td>
                <Td className="font-mono">{problemKinds[kind].status}</Td>
                <Td>{problemKinds[kind].title}</Td>
              </tr>
            ))}
          </Table>
        </Card>
      </section>

      <section id="reference-codes" className="scroll-mt-6">
        <Card title={t("developers.referenceCodes")}>
          <div className="space-y-6">
            <div>
              <h3 className="mb-2 text-sm font-semibold text-slate-800">
                {t("developers.sites")} (siteCode)
              </h3>
              <div className="px-5 py-5">
                <Table head={codeHead}>
                  {reference.sites.map((s) => (
                    <tr key={s.code}>
                      <Td className="font-mono text-xs">{s.code}</Td>
                      <Td>{s.nameHans}</Td>
                      <Td>{s.nameEn}</Td>
                    </tr>
                  ))}
                </Table>
              </div>
            </div>
            <div>
              <h3 className="mb-2 text-sm font-semibold text-slate-800">
                {t("developers.categories")} (categoryCode)
              </h3>
              <div className="px-5 py-5">
                <Table head={codeHead}>
                  {reference.categories.map((c) => (
                    <tr key={c.code}>
                      <Td className={`font-mono text-xs ${c.parentCode ? "pl-9" : ""}`}>{c.code}</Td>
                      <Td>{c.nameHans}</Td>
                      <Td>{c.nameEn}</Td>
                    </tr>
                  ))}
                </Table>
              </div>
            </div>
            <p className="text-sm text-slate-600">{t.rich("developers.regions", { code })}</p>
          </div>
        </Card>
      </section>
    </div>
  );
}
