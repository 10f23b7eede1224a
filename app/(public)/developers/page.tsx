import type { Metadata } from "next";
import { headers } from "next/headers";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { getDb } from "@/db";
import { curlExample, listOperations, openApiDocument, type DocumentedOperation, type JsonSchema, type OpenApiParameter } from "@/lib/api/openapi";
import { problemKinds, problemType, type ProblemKind } from "@/lib/api/problem";
import { listReferenceCodes } from "@/lib/api/reference";

// The message files belong to the whole app; this page's few headings are bilingual inline.
export const metadata: Metadata = { title: "接口文档 · API reference" };

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

/** A short human reading of a JSON Schema: "string, 1–200 characters", "one of: a, b". */
function typeOf(schema: JsonSchema): string {
  if (typeof schema.$ref === "string") return schema.$ref.split("/").pop() ?? "object";
  if (Array.isArray(schema.anyOf)) return schema.anyOf.map(typeOf).join(" or ");
  if (Array.isArray(schema.enum)) return `one of: ${schema.enum.join(", ")}`;
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  let text = types.filter((t) => t !== "null").join(" | ") || "any";
  if (schema.format) text = `${text} (${schema.format})`;
  if (schema.minLength !== undefined && schema.maxLength !== undefined) text += `, ${schema.minLength}–${schema.maxLength} characters`;
  else if (schema.maxLength !== undefined) text += `, up to ${schema.maxLength} characters`;
  if (schema.minimum !== undefined && schema.maximum !== undefined) text += `, ${schema.minimum}–${schema.maximum}`;
  if (schema.default !== undefined) text += `, default ${JSON.stringify(schema.default)}`;
  if (types.includes("null")) text += ", or null";
  return text;
}

function MethodBadge({ method }: { method: string }) {
  return <Badge tone={method === "post" ? "green" : "brand"}>{method.toUpperCase()}</Badge>;
}

function ParameterTable({ parameters }: { parameters: OpenApiParameter[] }) {
  return (
    <Table head={["参数 Parameter", "位置 In", "类型 Type", "说明 Description"]}>
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

function Operation({ entry, origin }: { entry: DocumentedOperation; origin: string }) {
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
        action={scopes.length > 0 ? <Badge tone="amber">{scopes.join(", ")}</Badge> : <Badge>无需令牌 No token</Badge>}
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
              <h4 className="mb-2 font-medium text-slate-900">参数 · Parameters</h4>
              <div className="px-5 py-5">
                <ParameterTable parameters={operation.parameters} />
              </div>
            </div>
          ) : null}
          {body ? (
            <div>
              <h4 className="mb-2 font-medium text-slate-900">
                请求示例 · Request example <span className="font-normal text-slate-500">(application/json, {typeOf(body.schema)})</span>
              </h4>
              <Code>{JSON.stringify(body.example, null, 2)}</Code>
            </div>
          ) : null}
          <div>
            <h4 className="mb-2 font-medium text-slate-900">响应 · Responses</h4>
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
  const document = openApiDocument();
  const operations = listOperations(document);
  const [origin, reference] = await Promise.all([requestOrigin(), getDb().then(listReferenceCodes)]);
  const recordInput = document.components.schemas.RecordInput;
  const fields = Object.entries((recordInput.properties ?? {}) as Record<string, JsonSchema>);
  const required = new Set(recordInput.required ?? []);

  return (
    <div className="space-y-8">
      <PageHeader
        title="接口文档 · API reference"
        description={
          <>
            话务系统与邮箱网关通过此接口写入和读取客户之声记录。 <Prose text={document.info.description} />
          </>
        }
        actions={
          <a href="/api/v1/openapi.json" className="inline-flex items-center rounded-lg bg-white px-4 py-2 text-sm font-medium text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50">
            OpenAPI 3.1 JSON
          </a>
        }
      />

      <Card title="开始 · Getting started">
        <ol className="list-decimal space-y-2 pl-5 text-sm text-slate-700">
          <li>
            请管理员在“集成令牌”页签发令牌。An administrator issues a token under Administration → Integration tokens, with the scopes{" "}
            <code className="rounded bg-slate-100 px-1">records:write</code> and/or <code className="rounded bg-slate-100 px-1">records:read</code>. It is shown once.
          </li>
          <li>
            每个请求携带令牌。Send it on every request: <code className="rounded bg-slate-100 px-1">Authorization: Bearer voc_…</code>.
          </li>
          <li>
            重试安全。Retries are safe: send an <code className="rounded bg-slate-100 px-1">Idempotency-Key</code> with each single record, or an{" "}
            <code className="rounded bg-slate-100 px-1">externalId</code> (unique per channel) with every record, single or bulk.
          </li>
          <li>
            错误格式。Errors are <code className="rounded bg-slate-100 px-1">application/problem+json</code> (RFC 9457), and <code className="rounded bg-slate-100 px-1">errors</code> names each
            field at fault.
          </li>
        </ol>
        <nav aria-label="接口列表 Endpoints" className="mt-5">
          <h2 className="mb-2 text-sm font-semibold text-slate-800">接口 · Endpoints</h2>
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
        <Operation key={entry.operation.operationId} entry={entry} origin={origin} />
      ))}

      <section id="record-fields" className="scroll-mt-6">
        <Card title="记录字段 · Record fields">
          <Table head={["字段 Field", "类型 Type", "必填 Required", "说明 Description"]}>
            {fields.map(([name, schema]) => (
              <tr key={name}>
                <Td className="whitespace-nowrap font-mono text-xs">{name}</Td>
                <Td className="text-slate-600">{typeOf(schema)}</Td>
                <Td>{required.has(name) ? <Badge tone="amber">必填 required</Badge> : <span className="text-slate-400">—</span>}</Td>
                <Td>{typeof schema.description === "string" ? <Prose text={schema.description} /> : null}</Td>
              </tr>
            ))}
          </Table>
        </Card>
      </section>

      <section id="problems" className="scroll-mt-6">
        <Card title="错误类型 · Problem types">
          <Table head={["类型 Type", "状态 Status", "标题 Title"]}>
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
        <Card title="参考代码 · Reference codes">
          <div className="space-y-6">
            <div>
              <h3 className="mb-2 text-sm font-semibold text-slate-800">站点 · Sites (siteCode)</h3>
              <div className="px-5 py-5">
                <Table head={["代码 Code", "名称", "Name"]}>
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
              <h3 className="mb-2 text-sm font-semibold text-slate-800">分类 · Categories (categoryCode)</h3>
              <div className="px-5 py-5">
                <Table head={["代码 Code", "名称", "Name"]}>
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
            <p className="text-sm text-slate-600">
              地区 · Regions: <code className="rounded bg-slate-100 px-1">GET /api/v1/regions</code> (see above); the <code className="rounded bg-slate-100 px-1">region</code> field takes a code or a
              name.
            </p>
          </div>
        </Card>
      </section>
    </div>
  );
}
