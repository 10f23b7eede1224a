import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { UserStatusForm } from "@/components/forms/user-status-form";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Stat, StatGrid } from "@/components/ui/stat";
import { Table, Td } from "@/components/ui/table";
import { getDb } from "@/db";
import { getReferenceCounts, listUsers } from "@/db/queries/admin";
import { localName, type Locale } from "@/lib/i18n/config";
import { requirePermission } from "@/lib/session";

export default async function AdminHome() {
  const viewer = await requirePermission("page.admin");
  const db = await getDb();
  const [t, format, locale] = [await getTranslations(), await getFormatter(), (await getLocale()) as Locale];
  const [people, counts] = await Promise.all([listUsers(db, viewer), getReferenceCounts(db, viewer)]);
  const disabled = people.filter((u) => u.status === "disabled").length;

  return (
    <>
      <PageHeader title={t("admin.title")} description={t("admin.description")} />
      <StatGrid>
        <Stat label={t("admin.stats.users")} value={format.number(people.length)} hint={t("admin.stats.disabled", { count: disabled })} />
        <Stat label={t("admin.stats.sites")} value={format.number(counts.sites)} hint={t("admin.stats.teams", { count: counts.teams })} />
        <Stat label={t("admin.stats.categories")} value={format.number(counts.categories)} hint={t("admin.stats.departments", { count: counts.departments })} />
        <Stat
          label={t("admin.stats.regions")}
          value={format.number(counts.regions)}
          hint={
            <Link href="/admin/tokens" className="text-brand-700 hover:underline">
              {t("admin.stats.tokens", { count: counts.activeTokens })}
            </Link>
          }
        />
      </StatGrid>
      <Card title={t("admin.users")}>
        <Table head={[t("fields.name"), t("fields.role"), t("fields.unit"), t("fields.lastSignIn"), t("fields.status"), ""]}>
          {people.map((u) => (
            <tr key={u.id} data-testid="user-row" data-email={u.email}>
              <Td>
                <p className="font-medium">{u.name}</p>
                <p className="text-xs text-slate-500">{u.email}</p>
              </Td>
              <Td>{t(`roles.${u.role}`)}</Td>
              <Td className="text-slate-600">
                {[u.site ? localName(u.site, locale) : null, u.teamName, u.department ? localName(u.department, locale) : null].filter(Boolean).join(" · ") || "—"}
              </Td>
              <Td className="whitespace-nowrap text-slate-500">{u.lastSignInAt ? format.relativeTime(u.lastSignInAt) : "—"}</Td>
              <Td>
                <Badge tone={u.status === "active" ? "green" : "red"}>{t(`userStatus.${u.status}`)}</Badge>
              </Td>
              <Td className="text-right">
                {u.id === viewer.id ? null : (
                  <UserStatusForm userId={u.id} status={u.status} labels={{ disable: t("admin.disable"), enable: t("admin.enable"), pending: t("common.saving") }} />
                )}
              </Td>
            </tr>
          ))}
        </Table>
      </Card>
    </>
  );
}
