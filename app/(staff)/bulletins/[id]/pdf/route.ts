import { NextResponse, type NextRequest } from "next/server";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { getBulletin, getBulletinDiff } from "@/db/queries/bulletins";
import type { Locale } from "@/lib/i18n/config";
import { bulletinPdf } from "@/lib/pdf/bulletin";
import { renderPdf } from "@/lib/pdf/document";
import { can } from "@/lib/permissions";
import { getViewer } from "@/lib/session";

export const dynamic = "force-dynamic";

/** The bulletin as a PDF file (A4, text only), for whoever may read it. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const viewer = await getViewer();
  if (!viewer) {
    const url = request.nextUrl.clone();
    url.pathname = "/signin";
    url.search = `?callbackUrl=${encodeURIComponent(request.nextUrl.pathname)}`;
    return NextResponse.redirect(url);
  }
  if (!can(viewer.role, "bulletin.read")) return new NextResponse("Forbidden", { status: 403 });
  const raw = (await params).id;
  const id = Number.parseInt(raw, 10);
  if (!Number.isSafeInteger(id) || id <= 0 || String(id) !== raw) return new NextResponse("Not found", { status: 404 });
  const db = await getDb();
  const detail = await getBulletin(db, viewer, id);
  if (!detail) return new NextResponse("Not found", { status: 404 });
  const diff = await getBulletinDiff(db, viewer, detail);
  const [t, tAll, format, locale] = [await getTranslations("bulletins"), await getTranslations(), await getFormatter(), (await getLocale()) as Locale];
  const pdf = renderPdf(
    bulletinPdf(detail, diff, {
      t: (key, values) => t(key, values),
      tAll: (key, values) => tAll(key, values),
      locale,
      formatDate: (date) => format.dateTime(date, { dateStyle: "long" }),
    }),
  );
  const { number, revision } = detail.bulletin;
  const ascii = `voc-bulletin-${number}${revision > 1 ? `-r${revision}` : ""}.pdf`;
  const named = `${t("sheet.masthead")}${t("sheet.number", { number })}${revision > 1 ? t("sheet.revision", { revision }) : ""}.pdf`;
  return new NextResponse(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-length": String(pdf.length),
      "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(named)}`,
      "cache-control": "private, no-store",
    },
  });
}
