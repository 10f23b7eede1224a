import { Suspense } from "react";
import { getTranslations } from "next-intl/server";

/**
 * One part of the dashboard: its heading and one-line explanation at once, its figures when
 * their queries finish, so a slow figure never holds the page.
 */
export function DashboardSection({ id, title, description, children }: { id: string; title: string; description: string; children: React.ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="mb-12 scroll-mt-6 print:mb-6 print:break-before-auto" data-testid={`section-${id}`}>
      <header className="mb-4 border-b border-slate-200 pb-3">
        <h2 id={`${id}-title`} className="text-lg font-semibold tracking-tight text-slate-900">
          {title}
        </h2>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{description}</p>
      </header>
      <Suspense fallback={<SectionSkeleton />}>{children}</Suspense>
    </section>
  );
}

async function SectionSkeleton() {
  const t = await getTranslations("dashboard");
  return (
    <div role="status" aria-live="polite" className="grid gap-6 lg:grid-cols-2">
      <span className="sr-only">{t("loading")}</span>
      {[0, 1].map((i) => (
        <div key={i} aria-hidden className="animate-pulse rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
          <div className="h-4 w-40 rounded bg-slate-200" />
          <div className="mt-2 h-3 w-64 rounded bg-slate-100" />
          <div className="mt-6 flex h-48 items-end gap-2">
            {[40, 65, 50, 80, 60, 72, 45, 58].map((h, j) => (
              <div key={j} className="flex-1 rounded-t bg-slate-100" style={{ height: `${h}%` }} />
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}

/** Figures side by side on wide screens, one under another on phones. */
export function FigureGrid({ children, columns = 2, align = "stretch" }: { children: React.ReactNode; columns?: 2 | 3; align?: "stretch" | "start" }) {
  return <div className={`grid gap-6 ${columns === 3 ? "lg:grid-cols-3" : "lg:grid-cols-2"} ${align === "start" ? "items-start" : ""} print:block print:space-y-4`}>{children}</div>;
}
