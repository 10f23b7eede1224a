import { describe, expect, it } from "vitest";
import { categoryTree, siteSeeds, type CategorySeed } from "@/db/seed/reference-data";
import { bulkExample, curlExample, listOperations, mailboxRecordExample, openApiDocument, recordExample, type JsonSchema } from "@/lib/api/openapi";
import { apiRecordBody, bulkResult, listRecordsQuery, problemDetails, recordList, recordView } from "@/lib/api/schemas";
import { resolveRegionName } from "@/lib/regions";
import { apiRecordInput } from "@/lib/validation/record";
import { errorKeyMap } from "@/lib/validation/errors";

const document = openApiDocument();

function codes(tree: CategorySeed[]): string[] {
  return tree.flatMap((c) => [c.code, ...codes(c.children ?? [])]);
}

/** Every `$ref` anywhere in the document. */
function refs(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(refs);
  if (node && typeof node === "object") {
    return Object.entries(node).flatMap(([key, value]) => (key === "$ref" && typeof value === "string" ? [value] : refs(value)));
  }
  return [];
}

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 with the six operations, and survives a JSON round trip", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
    expect(listOperations().map((o) => `${o.method.toUpperCase()} ${o.path}`)).toEqual([
      "POST /api/v1/records",
      "GET /api/v1/records",
      "POST /api/v1/records/bulk",
      "GET /api/v1/records/{id}",
      "GET /api/v1/regions",
      "GET /api/v1/stats/{figure}",
    ]);
    expect(new Set(listOperations().map((o) => o.operation.operationId)).size).toBe(6);
  });

  it("asks for a bearer token with the right scope on every records and stats operation, and none for regions", () => {
    expect(document.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    const scopes = Object.fromEntries(listOperations().map((o) => [o.operation.operationId, o.operation.security]));
    expect(scopes).toEqual({
      createRecord: [{ bearerAuth: ["records:write"] }],
      createRecords: [{ bearerAuth: ["records:write"] }],
      listRecords: [{ bearerAuth: ["records:read"] }],
      getRecord: [{ bearerAuth: ["records:read"] }],
      listRegions: [],
      getStatsFigure: [{ bearerAuth: ["stats:read"] }],
    });
  });

  it("resolves every $ref to a component schema", () => {
    const all = refs(document);
    expect(all.length).toBeGreaterThan(10);
    for (const ref of all) {
      const name = ref.replace("#/components/schemas/", "");
      expect(document.components.schemas[name], ref).toBeDefined();
    }
  });

  it("answers every error as application/problem+json with a problem example that fits its schema", () => {
    for (const { operation, path } of listOperations()) {
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) < 400) continue;
        const media = response.content?.["application/problem+json"];
        expect(media, `${path} ${status}`).toBeDefined();
        const example = problemDetails.parse(media?.example);
        if (path !== "/api/v1/regions") expect(example.status, `${path} ${status}`).toBe(Number(status));
      }
    }
  });

  it("describes the record body from the shared schema: defaults are optional, occurredAt is a date-time", () => {
    const input = document.components.schemas.RecordInput;
    expect(input.required).toEqual(["kind", "categoryCode", "summary", "channel"]);
    const properties = input.properties as Record<string, JsonSchema>;
    expect(Object.keys(properties).sort()).toEqual(Object.keys(apiRecordInput.shape).sort());
    expect(properties.occurredAt).toMatchObject({ type: "string", format: "date-time" });
    expect(properties.summary).toMatchObject({ type: "string", minLength: 1, maxLength: 200 });
    expect(properties.customerWords).toMatchObject({ type: "string", maxLength: 4000 });
    expect(properties.urgency.enum).toEqual(["low", "normal", "high", "critical"]);
    expect(properties.channel.enum).not.toContain("web");
    expect(properties.valuable).toMatchObject({ type: "boolean", default: false });
    for (const [name, property] of Object.entries(properties)) expect(property.description, name).toBeTruthy();
  });

  it("lists the query parameters the list handler reads", () => {
    const parameters = document.paths["/api/v1/records"].get?.parameters ?? [];
    expect(parameters.map((p) => p.name)).toEqual(Object.keys(listRecordsQuery.shape));
    expect(parameters.every((p) => p.in === "query" && !p.required && p.description)).toBe(true);
    expect(parameters.find((p) => p.name === "limit")?.schema).toMatchObject({ type: "integer", minimum: 1, maximum: 200, default: 50 });
  });
});

describe("the examples", () => {
  const requestExamples = listOperations().flatMap(({ operation }) => {
    const example = operation.requestBody?.content["application/json"]?.example;
    return example === undefined ? [] : [{ id: operation.operationId, example }];
  });

  it("exist for every request body", () => {
    expect(requestExamples.map((e) => e.id)).toEqual(["createRecord", "createRecords"]);
  });

  it("validate against the record schema, the shared one and the API's", () => {
    const records = [recordExample, ...bulkExample.records];
    for (const example of requestExamples) {
      const items = example.id === "createRecords" ? (example.example as typeof bulkExample).records : [example.example];
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) {
        const shared = apiRecordInput.safeParse(item, { error: errorKeyMap });
        expect(shared.success, JSON.stringify(shared.error?.issues)).toBe(true);
        expect(apiRecordBody.safeParse(item).success).toBe(true);
      }
    }
    expect(records).toHaveLength(3);
  });

  it("name a category, site and region that exist in the demo installation", () => {
    const categoryCodes = codes(categoryTree);
    const siteCodes = siteSeeds.map((s) => s.code);
    for (const example of [recordExample, mailboxRecordExample]) {
      expect(categoryCodes).toContain(example.categoryCode);
      expect(siteCodes).toContain(example.siteCode);
      const region = /^\d{6}$/.test(example.region) ? example.region : resolveRegionName(example.region, { prefer: "city" })?.region.code;
      expect(region).toBe("320500");
    }
    expect(new Set([recordExample.externalId, mailboxRecordExample.externalId]).size).toBe(2);
  });

  it("show answers that fit the answer schemas", () => {
    const create = document.paths["/api/v1/records"].post;
    expect(recordView.safeParse(create?.responses["201"].content?.["application/json"]?.example).success).toBe(true);
    expect(recordList.safeParse(document.paths["/api/v1/records"].get?.responses["200"].content?.["application/json"]?.example).success).toBe(true);
    const bulk = document.paths["/api/v1/records/bulk"].post;
    for (const status of ["200", "207"]) expect(bulkResult.safeParse(bulk?.responses[status].content?.["application/json"]?.example).success, status).toBe(true);
  });

  it("make a curl command with the token, the JSON header and the example body", () => {
    const create = listOperations().find((o) => o.operation.operationId === "createRecord");
    if (!create) throw new Error("createRecord is missing");
    const curl = curlExample("https://voc.example.com", create);
    expect(curl).toContain("curl -X POST 'https://voc.example.com/api/v1/records'");
    expect(curl).toContain('-H "Authorization: Bearer $VOC_TOKEN"');
    expect(curl).toContain("-H 'Content-Type: application/json'");
    expect(curl).toContain('"categoryCode": "pin.letter"');
    const regions = listOperations().find((o) => o.operation.operationId === "listRegions");
    if (!regions) throw new Error("listRegions is missing");
    expect(curlExample("", regions)).not.toContain("Authorization");
  });
});
