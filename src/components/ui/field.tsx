import type { ComponentProps, ReactNode } from "react";

export const inputClass =
  "block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-xs ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-brand-600 aria-invalid:ring-red-500 disabled:bg-slate-50 disabled:text-slate-500";

/** Label, control and the field's own error under it, tied together for screen readers. */
export function Field({
  id,
  label,
  error,
  hint,
  required,
  children,
}: {
  id: string;
  label: ReactNode;
  error?: string[] | string;
  hint?: ReactNode;
  required?: boolean;
  children: ReactNode;
}) {
  const messages = error ? ([] as string[]).concat(error) : [];
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-700">
        {label}
        {required && (
          <span className="ml-0.5 text-red-600" aria-hidden="true">
            *
          </span>
        )}
      </label>
      {children}
      {hint && !messages.length && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      {messages.length > 0 && (
        <p id={`${id}-error`} className="mt-1 text-xs text-red-600" role="alert">
          {messages.join("；")}
        </p>
      )}
    </div>
  );
}

/** Props that wire an input to its Field's error message. */
export function fieldA11y(
  id: string,
  error?: string[] | string,
): Pick<ComponentProps<"input">, "id" | "aria-invalid" | "aria-describedby"> {
  const has = Boolean(error && ([] as string[]).concat(error).length);
  return { id, "aria-invalid": has || undefined, "aria-describedby": has ? `${id}-error` : undefined };
}
