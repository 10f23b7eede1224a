"use client";

import { useState } from "react";
import { Combobox, type ComboboxOption } from "@/components/ui/combobox";

/** The queue filter's region: type a province or city in any script or pinyin, keep its code. */
export function TriageRegionFilter({ id, name, options, value, placeholder, noMatches }: { id: string; name: string; options: ComboboxOption[]; value: string; placeholder: string; noMatches: string }) {
  const [code, setCode] = useState(value);
  const [text, setText] = useState("");
  return (
    <Combobox
      id={id}
      name={name}
      options={options}
      value={code}
      text={text}
      onChange={(next, typed) => {
        setCode(next);
        setText(typed);
      }}
      placeholder={placeholder}
      noMatches={noMatches}
    />
  );
}
