export function Stat({ label, value, hint, tone = "neutral" }: { label: string; value: React.ReactNode; hint?: React.ReactNode; tone?: "neutral" | "warn" | "good" }) {
  const valueClass = tone === "warn" ? "text-rose-700" : tone === "good" ? "text-emerald-700" : "text-slate-900";
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className={`mt-1 text-2xl font-semibold tabular-nums ${valueClass}`}>{value}</dd>
      {hint ? <dd className="mt-1 text-xs text-slate-500">{hint}</dd> : null}
    </div>
  );
}

// Whole class names, so Tailwind finds them.
const statColumns = { 4: "lg:grid-cols-4", 5: "lg:grid-cols-5" } as const;

export function StatGrid({ children, columns = 4 }: { children: React.ReactNode; columns?: keyof typeof statColumns }) {
  return <dl className={`mb-6 grid grid-cols-2 gap-3 ${statColumns[columns]}`}>{children}</dl>;
}
