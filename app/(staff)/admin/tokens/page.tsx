import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { IssueApiTokenForm, RevokeApiTokenForm, type IssueApiTokenLabels, type RevokeApiTokenLabels } from "@/components/forms/api-token-forms";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { getDb } from "@/db";
import { apiScopes, listApiTokens } from "@/lib/services/api-tokens";
import { requirePermission } from "@/lib/session";

export default async function AdminTokensPage() {
  const viewer = await requirePermission("admin.tokens");
  const [t, format, tokens] = await Promise.all([getTranslations("integration"), getFormatter(), getDb().then((db) => listApiTokens(db, viewer))]);
  const active = tokens.filter((token) => token.revokedAt === null).length;
  const issueLabels: IssueApiTokenLabels = {
    scopes: { "records:write": t("tokenForm.scopeWrite"), "records:read": t("tokenForm.scopeRead"), "stats:read": t("tokenForm.scopeStats") },
    copyNow: t("tokenForm.copyNow"),
    copy: t("tokenForm.copy"),
    copied: t("tokenForm.copied"),
    saved: t("tokenForm.saved"),
    name: t("tokenForm.name"),
    nameHint: t("tokenForm.nameHint"),
    scopesLegend: t("tokenForm.scopes"),
    issue: t("tokenForm.issue"),
    issuing: t("tokenForm.issuing"),
  };
  const revokeLabels: RevokeApiTokenLabels = {
    revoke: t("tokenForm.revoke"),
    warning: t.raw("tokenForm.revokeWarning") as string,
    confirm: t("tokenForm.confirmRevoke"),
    revoking: t("tokenForm.revoking"),
  };

  return (
    <>
      <PageHeader
        title={t("tokens.title")}
        description={t("tokens.description")}
        actions={
          <>
            <Link href="/admin" className={buttonClass("ghost")}>
              ← {t("tokens.backToAdmin")}
            </Link>
            <Link href="/developers" className={buttonClass("secondary")}>
              {t("tokens.apiReference")}
            </Link>
          </>
        }
      />
      <div className="space-y-6">
        <Card title={t("tokens.issueTitle")} className="max-w-2xl">
          <IssueApiTokenForm scopes={apiScopes} labels={issueLabels} />
        </Card>
        <Card title={t("tokens.listTitle", { active })}>
          {tokens.length === 0 ? (
            <EmptyState title={t("tokens.empty")} hint={t("tokens.emptyHint")} />
          ) : (
            <Table
              caption={t("tokens.title")}
              head={[t("tokens.columns.name"), t("tokens.columns.prefix"), t("tokens.columns.scopes"), t("tokens.columns.created"), t("tokens.columns.lastUsed"), t("tokens.columns.status"), ""]}
            >
              {tokens.map((token) => (
                <tr key={token.id} data-testid="token-row" data-token-name={token.name}>
                  <Td>
                    <p className="font-medium">{token.name}</p>
                    {token.createdByName ? <p className="text-xs text-slate-500">{token.createdByName}</p> : null}
                  </Td>
                  <Td className="whitespace-nowrap font-mono text-xs">{token.prefix}…</Td>
                  <Td>
                    <div className="flex flex-wrap gap-1">
                      {token.scopes.map((scope) => (
                        <Badge key={scope} tone="brand">
                          {scope}
                        </Badge>
                      ))}
                    </div>
                  </Td>
                  <Td className="whitespace-nowrap text-slate-600">{format.dateTime(token.createdAt, { dateStyle: "medium" })}</Td>
                  <Td className="whitespace-nowrap text-slate-600">{token.lastUsedAt ? format.relativeTime(token.lastUsedAt) : t("tokens.never")}</Td>
                  <Td>
                    {token.revokedAt ? (
                      <Badge tone="red">{t("tokens.revoked", { date: format.dateTime(token.revokedAt, { dateStyle: "short" }) })}</Badge>
                    ) : (
                      <Badge tone="green">{t("tokens.active")}</Badge>
                    )}
                  </Td>
                  <Td className="text-right">{token.revokedAt ? null : <RevokeApiTokenForm tokenId={token.id} name={token.name} labels={revokeLabels} />}</Td>
                </tr>
              ))}
            </Table>
          )}
        </Card>
      </div>
    </>
  );
}
