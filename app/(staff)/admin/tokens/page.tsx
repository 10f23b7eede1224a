import Link from "next/link";
import { getFormatter } from "next-intl/server";
import { IssueApiTokenForm, RevokeApiTokenForm } from "@/components/forms/api-token-forms";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { getDb } from "@/db";
import { apiScopes, listApiTokens } from "@/lib/services/api-tokens";
import { requirePermission } from "@/lib/session";

// The message files belong to the whole app; this page's strings are bilingual inline.
export default async function AdminTokensPage() {
  const viewer = await requirePermission("admin.tokens");
  const [format, tokens] = await Promise.all([getFormatter(), getDb().then((db) => listApiTokens(db, viewer))]);
  const active = tokens.filter((t) => t.revokedAt === null).length;

  return (
    <>
      <PageHeader
        title="集成令牌 · Integration tokens"
        description="话务系统和邮箱网关用令牌调用接口。令牌只在签发时显示一次；遗失请撤销并重新签发。The telephony system and mailbox gateways call the API with these tokens. A token is shown once, when issued; if one is lost, revoke it and issue another."
        actions={
          <>
            <Link href="/admin" className={buttonClass("ghost")}>
              ← 管理 Administration
            </Link>
            <Link href="/developers" className={buttonClass("secondary")}>
              接口文档 API reference
            </Link>
          </>
        }
      />
      <div className="space-y-6">
        <Card title="签发令牌 · Issue a token" className="max-w-2xl">
          <IssueApiTokenForm scopes={apiScopes} />
        </Card>
        <Card title={`令牌 · Tokens (${active} active)`}>
          {tokens.length === 0 ? (
            <EmptyState title="还没有令牌 No tokens yet" hint="签发一个给第一个集成。Issue one for the first integration." />
          ) : (
            <Table caption="Integration tokens" head={["名称 Name", "前缀 Prefix", "权限 Scopes", "创建 Created", "最近使用 Last used", "状态 Status", ""]}>
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
                  <Td className="whitespace-nowrap text-slate-600">{token.lastUsedAt ? format.relativeTime(token.lastUsedAt) : "从未 Never"}</Td>
                  <Td>
                    {token.revokedAt ? (
                      <Badge tone="red">已撤销 Revoked {format.dateTime(token.revokedAt, { dateStyle: "short" })}</Badge>
                    ) : (
                      <Badge tone="green">有效 Active</Badge>
                    )}
                  </Td>
                  <Td className="text-right">{token.revokedAt ? null : <RevokeApiTokenForm tokenId={token.id} name={token.name} />}</Td>
                </tr>
              ))}
            </Table>
          )}
        </Card>
      </div>
    </>
  );
}
