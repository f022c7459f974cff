import type { ComponentProps } from "react";

const ALIGN = { left: "text-left", right: "text-right", center: "text-center" } as const;

// Plain table styles shared by every list, so lists look alike.
export function Table({ className = "", ...props }: ComponentProps<"table">) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-xs">
      <table className={`min-w-full divide-y divide-slate-200 text-sm ${className}`} {...props} />
    </div>
  );
}

export function Th({
  className = "",
  align = "left",
  ...props
}: ComponentProps<"th"> & { align?: "left" | "right" | "center" }) {
  return (
    <th
      scope="col"
      className={`bg-slate-50 px-3 py-2.5 text-xs font-semibold whitespace-nowrap text-slate-600 ${ALIGN[align]} ${className}`}
      {...props}
    />
  );
}

export function Td({
  className = "",
  align = "left",
  ...props
}: ComponentProps<"td"> & { align?: "left" | "right" | "center" }) {
  return (
    <td
      className={`px-3 py-2.5 text-slate-700 ${ALIGN[align]} ${align === "right" ? "num" : ""} ${className}`}
      {...props}
    />
  );
}
