"use client";

import { useEffect } from "react";

const printCss = `
@media print {
  .dashboard-table::details-content { content-visibility: visible; display: block; }
  .dashboard-table > summary { display: none; }
  .dashboard-chart svg { max-width: 100%; height: auto; }
  .dashboard-chart { height: auto !important; }
  .recharts-tooltip-wrapper { display: none !important; }
}`;

/**
 * Printing the dashboard prints every figure's table too: folded tables open before the print
 * dialog and close again after it (the CSS covers browsers that print details as they are).
 */
export function PrintSupport() {
  useEffect(() => {
    let opened: HTMLDetailsElement[] = [];
    const before = () => {
      opened = Array.from(document.querySelectorAll<HTMLDetailsElement>("details.dashboard-table:not([open])"));
      for (const d of opened) d.open = true;
    };
    const after = () => {
      for (const d of opened) d.open = false;
      opened = [];
    };
    window.addEventListener("beforeprint", before);
    window.addEventListener("afterprint", after);
    return () => {
      window.removeEventListener("beforeprint", before);
      window.removeEventListener("afterprint", after);
    };
  }, []);
  return <style>{printCss}</style>;
}
