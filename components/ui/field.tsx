import type { InputHTMLAttributes, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

const control =
  "mt-1 block w-full rounded-lg border bg-white px-3 py-2 text-sm shadow-sm focus:outline-none focus:ring-2 aria-[invalid=true]:border-rose-400 aria-[invalid=true]:ring-rose-100 border-slate-300 focus:border-brand-500 focus:ring-brand-200";

export interface FieldProps {
  id: string;
  label: React.ReactNode;
  hint?: React.ReactNode;
  errors?: string[];
  children: React.ReactNode;
  className?: string;
}

/** A label, a control, a hint and the field's errors, tied together for screen readers. */
export function Field({ id, label, hint, errors, children, className = "" }: FieldProps) {
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children}
      {hint && !errors?.length ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${id}-error`} className="mt-1 text-xs text-rose-700" role="alert">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

export function describedBy(id: string, errors?: string[], hint?: unknown): string | undefined {
  if (errors?.length) return `${id}-error`;
  return hint ? `${id}-hint` : undefined;
}

export function Input({ errors, ...props }: InputHTMLAttributes<HTMLInputElement> & { errors?: string[] }) {
  return <input {...props} aria-invalid={errors?.length ? true : undefined} className={`${control} ${props.className ?? ""}`} />;
}

export function Textarea({ errors, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement> & { errors?: string[] }) {
  return <textarea {...props} aria-invalid={errors?.length ? true : undefined} className={`${control} ${props.className ?? ""}`} />;
}

export function Select({ errors, ...props }: SelectHTMLAttributes<HTMLSelectElement> & { errors?: string[] }) {
  return <select {...props} aria-invalid={errors?.length ? true : undefined} className={`${control} ${props.className ?? ""}`} />;
}

export function FormMessage({ status, message }: { status: "idle" | "success" | "error"; message?: string }) {
  if (!message || status === "idle") return null;
  const tone = status === "error" ? "bg-rose-50 text-rose-800 ring-rose-200" : "bg-emerald-50 text-emerald-800 ring-emerald-200";
  return (
    <p role={status === "error" ? "alert" : "status"} className={`rounded-lg px-3 py-2 text-sm ring-1 ring-inset ${tone}`}>
      {message}
    </p>
  );
}
