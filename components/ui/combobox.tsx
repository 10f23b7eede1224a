"use client";

import { useId, useMemo, useState, type KeyboardEvent } from "react";

export interface ComboboxOption {
  value: string;
  label: string;
  /** Lower-case text the typed words are looked for in (names in every script, pinyin, codes). */
  search: string;
  depth?: number;
}

export interface ComboboxProps {
  id: string;
  name: string;
  options: ComboboxOption[];
  value: string;
  /** The text shown when `value` matches no option (free text, kept as typed). */
  text?: string;
  onChange: (value: string, text: string) => void;
  placeholder?: string;
  noMatches: string;
  errors?: string[];
  describedBy?: string;
  /** Submit what was typed when no option was chosen (the server resolves names). */
  freeText?: boolean;
  maxResults?: number;
}

function matches(option: ComboboxOption, terms: string[]): boolean {
  return terms.every((term) => option.search.includes(term) || option.label.toLowerCase().includes(term));
}

/**
 * A type-ahead list operated from the keyboard: type to filter, arrows to move, Enter or Tab
 * to take the highlighted option, Escape to close. The chosen value goes in a hidden input.
 */
export function Combobox({ id, name, options, value, text, onChange, placeholder, noMatches, errors, describedBy, freeText = false, maxResults = 12 }: ComboboxProps) {
  const listId = useId();
  const selected = options.find((o) => o.value === value);
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const shown = query ?? selected?.label ?? text ?? "";

  const results = useMemo(() => {
    const terms = (query ?? "").toLowerCase().split(/\s+/).filter(Boolean);
    const list = terms.length === 0 ? options : options.filter((o) => matches(o, terms));
    if (terms.length > 0) {
      // Names that start with what was typed first.
      const first = terms[0];
      list.sort((a, b) => Number(b.search.startsWith(first) || b.label.toLowerCase().startsWith(first)) - Number(a.search.startsWith(first) || a.label.toLowerCase().startsWith(first)));
    }
    return list.slice(0, maxResults);
  }, [options, query, maxResults]);

  function choose(option: ComboboxOption) {
    onChange(option.value, option.label);
    setQuery(null);
    setOpen(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, Math.max(results.length - 1, 0)));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === "Enter" && open && !event.ctrlKey && !event.metaKey) {
      const option = results[active];
      if (option) {
        event.preventDefault();
        choose(option);
      }
    } else if (event.key === "Tab" && open && query) {
      const option = results[active];
      if (option) choose(option);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      setOpen(false);
    }
  }

  const submitted = value || (freeText ? shown : "");

  return (
    <div className="relative">
      <input type="hidden" name={name} value={submitted} />
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && results[active] ? `${listId}-${active}` : undefined}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy}
        placeholder={placeholder}
        value={shown}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
          onChange("", e.target.value);
        }}
        onBlur={() => {
          setOpen(false);
          setQuery(null);
        }}
        onKeyDown={onKeyDown}
        className="mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-200 aria-[invalid=true]:border-rose-400"
      />
      {open ? (
        <ul id={listId} role="listbox" className="absolute z-20 mt-1 max-h-72 w-full overflow-auto rounded-lg border border-slate-200 bg-white py-1 text-sm shadow-lg">
          {results.length === 0 ? (
            <li className="px-3 py-2 text-slate-500">{noMatches}</li>
          ) : (
            results.map((option, index) => (
              <li
                key={option.value}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === active}
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(option);
                }}
                onMouseEnter={() => setActive(index)}
                className={`cursor-pointer px-3 py-1.5 ${index === active ? "bg-brand-50 text-brand-900" : "text-slate-700"}`}
                style={{ paddingLeft: `${0.75 + (option.depth ?? 0) * 0.75}rem` }}
              >
                {option.label}
              </li>
            ))
          )}
        </ul>
      ) : null}
    </div>
  );
}
