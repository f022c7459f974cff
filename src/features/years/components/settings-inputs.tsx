"use client";

import type { ReactNode } from "react";
import { Field, fieldA11y, inputClass } from "@/components/ui/field";

/** A whole-number or amount input with its unit after it, wired to its own error or its group's. */
export function SettingInput({
  name,
  label,
  suffix,
  defaultValue,
  error,
  groupErrorId,
  hint,
  allowNegative = false,
  onValue,
}: {
  name: string;
  label: ReactNode;
  suffix: ReactNode;
  defaultValue: string;
  error?: string[];
  /** Set when the group this input belongs to has an error: the input points at it. */
  groupErrorId?: string;
  hint?: ReactNode;
  allowNegative?: boolean;
  onValue?: (value: string) => void;
}) {
  const a11y = fieldA11y(name, error);
  const describedBy = [a11y["aria-describedby"], groupErrorId, hint && !error?.length ? `${name}-hint` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <Field id={name} label={label} error={error} hint={hint}>
      <div className="relative">
        <input
          {...a11y}
          aria-invalid={a11y["aria-invalid"] || (groupErrorId ? true : undefined)}
          aria-describedby={describedBy || undefined}
          name={name}
          type="text"
          inputMode={allowNegative ? "text" : "numeric"}
          autoComplete="off"
          defaultValue={defaultValue}
          onChange={onValue ? (e) => onValue(e.target.value) : undefined}
          className={`${inputClass} num pr-12 text-right`}
        />
        <span className="pointer-events-none absolute inset-y-0 right-3 flex items-center text-xs text-slate-500">
          {suffix}
        </span>
      </div>
    </Field>
  );
}

/** A titled group of settings; a rule that spans the group shows its message under the group. */
export function SettingsGroup({
  id,
  title,
  description,
  error,
  footer,
  children,
}: {
  id: string;
  title: ReactNode;
  description?: ReactNode;
  error?: string[];
  footer?: ReactNode;
  children: ReactNode;
}) {
  return (
    <fieldset
      aria-describedby={error?.length ? `${id}-error` : undefined}
      className="rounded-lg border border-slate-200 bg-white shadow-xs"
    >
      <legend className="sr-only">{title}</legend>
      <div aria-hidden="true" className="border-b border-slate-100 px-4 py-3">
        <div className="text-sm font-semibold text-slate-800">{title}</div>
        {description && <p className="mt-0.5 text-xs text-slate-500">{description}</p>}
      </div>
      <div className="space-y-3 p-4">
        {children}
        {footer}
        {error && error.length > 0 && (
          <p id={`${id}-error`} role="alert" className="text-sm text-red-600">
            {error.join("；")}
          </p>
        )}
      </div>
    </fieldset>
  );
}
