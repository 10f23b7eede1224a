"use client";

import { buttonClass } from "@/components/ui/button";

export function SiteReportPrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className={`no-print ${buttonClass("primary", "sm")}`}>
      {label}
    </button>
  );
}
