"use client";

import { useState } from "react";
import { benchInsertAction } from "./actions";
import type { BenchRecord } from "@/lib/services/bench-insert";

/** References the bench action from the client, so the build lists it in its action manifest. */
export function BenchActionButton({ row }: { row: BenchRecord }) {
  const [result, setResult] = useState<string>("");
  return (
    <p>
      <button type="button" onClick={async () => setResult(JSON.stringify(await benchInsertAction({ ...row, externalId: `bench-page-${Date.now()}` })))}>
        Insert one bench record
      </button>{" "}
      <output>{result}</output>
    </p>
  );
}
