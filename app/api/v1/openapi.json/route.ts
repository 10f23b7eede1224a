import { openApiDocument } from "@/lib/api/openapi";

export const dynamic = "force-dynamic";

/** The machine-readable description of the integration API (OpenAPI 3.1). */
export function GET() {
  return Response.json(openApiDocument(), { headers: { "cache-control": "public, max-age=300", "access-control-allow-origin": "*" } });
}
