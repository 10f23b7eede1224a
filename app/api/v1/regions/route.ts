import { NextResponse, type NextRequest } from "next/server";
import { allRegions, getRegion, listCities, listProvinces, resolveRegionName, searchRegions, type Region } from "@/lib/regions";

function view(region: Region) {
  return {
    code: region.code,
    parentCode: region.parentCode,
    level: region.level,
    nameHans: region.nameHans,
    nameHant: region.nameHant,
    nameEn: region.nameEn,
    pinyin: region.pinyin,
  };
}

function problem(status: number, title: string, detail: string) {
  return NextResponse.json({ type: "about:blank", title, status, detail }, { status, headers: { "content-type": "application/problem+json" } });
}

/**
 * China's provinces and prefecture-level cities, sorted by pinyin.
 *   GET /api/v1/regions                 every province with its cities
 *   GET /api/v1/regions?province=320000 the cities of one province
 *   GET /api/v1/regions?q=suzhou        type-ahead (characters in either script, pinyin, initials)
 *   GET /api/v1/regions?name=巢湖市      resolve a name, including historic ones
 */
export function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const cache = { "cache-control": "public, max-age=86400" };
  const q = params.get("q");
  if (q !== null) {
    if (q.length > 50) return problem(400, "Query too long", "q must be at most 50 characters.");
    const limit = Math.min(Math.max(Number(params.get("limit") ?? 20) || 20, 1), 50);
    return NextResponse.json({ data: searchRegions(q, limit).map(view) }, { headers: cache });
  }
  const name = params.get("name");
  if (name !== null) {
    const match = name.length <= 50 ? resolveRegionName(name) : null;
    if (!match) return problem(404, "Unknown region", `No province or city is called "${name.slice(0, 50)}".`);
    return NextResponse.json({ data: { ...view(match.region), matchedBy: match.matchedBy, historicNote: match.historicNote ?? null } }, { headers: cache });
  }
  const province = params.get("province");
  if (province !== null) {
    const parent = getRegion(province);
    if (!parent || parent.level !== "province") return problem(404, "Unknown province", `No province has the code "${province.slice(0, 12)}".`);
    return NextResponse.json({ data: listCities(province).map(view) }, { headers: cache });
  }
  return NextResponse.json(
    { data: listProvinces().map((p) => ({ ...view(p), cities: listCities(p.code).map(view) })), count: allRegions().length },
    { headers: cache },
  );
}
