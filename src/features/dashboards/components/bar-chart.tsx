"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { CHART } from "./chart-theme";

export type BarRow = {
  label: string;
  value: number;
  /** The printed figure next to the bar ("1,317 个", "93.21%"). */
  text: string;
  /** Extra lines in the tooltip, already formatted. */
  details?: string[];
};

function RowTooltip({ active, payload }: { active?: boolean; payload?: { payload: BarRow }[] }) {
  const row = payload?.[0]?.payload;
  if (!active || !row) return null;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow-md">
      <div className="mb-1 font-semibold text-slate-800">{row.label}</div>
      <div className="num text-slate-700">{row.text}</div>
      {row.details?.map((d) => (
        <div key={d} className="num text-slate-500">
          {d}
        </div>
      ))}
    </div>
  );
}

type LabelProps = {
  x?: number | string;
  y?: number | string;
  width?: number | string;
  height?: number | string;
  value?: unknown;
};

/**
 * The figure just past the bar's end, on one line (Recharts' own label wraps long text), with a white
 * halo so a reference line behind it does not cut through the digits.
 */
function EndLabel({ x = 0, y = 0, width = 0, height = 0, value }: LabelProps) {
  return (
    <text
      x={Number(x) + Number(width) + 6}
      y={Number(y) + Number(height) / 2}
      dominantBaseline="central"
      fontSize={11}
      fill={CHART.line}
      stroke="#fff"
      strokeWidth={3}
      paintOrder="stroke"
    >
      {String(value ?? "")}
    </text>
  );
}

/**
 * Horizontal bars with the category on the left and the exact figure at the bar's end: long Chinese
 * names stay readable and never overlap. The chart is decoration for sighted users; its card carries
 * the same numbers as a table.
 */
export function HorizontalBarChart({
  rows,
  labelWidth = 150,
  rowHeight = 30,
  domainMax,
  reference,
  valueName,
}: {
  rows: BarRow[];
  labelWidth?: number;
  rowHeight?: number;
  domainMax?: number;
  reference?: { value: number; label: string };
  valueName: string;
}) {
  const height = Math.max(120, rows.length * rowHeight + 40);
  return (
    <div style={{ height }} aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          data={rows}
          layout="vertical"
          margin={{ top: reference ? 22 : 8, right: 96, bottom: 8, left: 4 }}
        >
          <CartesianGrid horizontal={false} stroke={CHART.grid} />
          <XAxis
            type="number"
            domain={[0, domainMax ?? "auto"]}
            tick={{ fontSize: 11, fill: CHART.tick }}
            tickLine={false}
            axisLine={false}
          />
          <YAxis
            type="category"
            dataKey="label"
            width={labelWidth}
            interval={0}
            tick={{ fontSize: 12, fill: CHART.tick }}
            tickLine={false}
          />
          <Tooltip cursor={{ fill: "#f1f5f9" }} content={<RowTooltip />} />
          {reference && (
            <ReferenceLine
              x={reference.value}
              stroke={CHART.reference}
              strokeDasharray="4 3"
              label={{ value: reference.label, position: "top", fontSize: 11, fill: CHART.reference }}
            />
          )}
          <Bar
            dataKey="value"
            name={valueName}
            fill={CHART.primary}
            barSize={Math.min(18, rowHeight - 10)}
            isAnimationActive={false}
          >
            <LabelList dataKey="text" content={EndLabel} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
