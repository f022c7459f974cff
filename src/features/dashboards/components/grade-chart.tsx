"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CHART } from "./chart-theme";

export type GradeChartRow = { label: string; total: number; lines: string[] } & Record<
  string,
  number | string | string[]
>;

// Four grades in clearly different lightnesses (dark to pale), the last one hatched, each with a dark
// outline, so they stay apart in grey-scale print; the legend and tooltip name each one.
const FILLS = ["#173d80", "#2f6fdb", "#9dbbee", "url(#grade-fail-hatch)"];

function GradeTooltip({ active, payload }: { active?: boolean; payload?: { payload: GradeChartRow }[] }) {
  const row = payload?.[0]?.payload;
  if (!active || !row) return null;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow-md">
      <div className="mb-1 font-semibold text-slate-800">{row.label}</div>
      {row.lines.map((l) => (
        <div key={l} className="num text-slate-700">
          {l}
        </div>
      ))}
    </div>
  );
}

/** One bar per type of evaluation, split 100% by grade (the types differ too much in size for counts). */
export function GradeChart({
  rows,
  grades,
}: {
  rows: GradeChartRow[];
  grades: { key: string; name: string }[];
}) {
  const height = Math.max(140, rows.length * 40 + 70);
  return (
    <div style={{ height }} aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          data={rows}
          layout="vertical"
          stackOffset="expand"
          margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
        >
          <defs>
            <pattern
              id="grade-fail-hatch"
              width="6"
              height="6"
              patternUnits="userSpaceOnUse"
              patternTransform="rotate(45)"
            >
              <rect width="6" height="6" fill="#fff" />
              <line x1="0" y1="0" x2="0" y2="6" stroke={CHART.line} strokeWidth="2" />
            </pattern>
          </defs>
          <CartesianGrid horizontal={false} stroke={CHART.grid} />
          <XAxis
            type="number"
            tickFormatter={(v: number) => `${Math.round(v * 100)}%`}
            tick={{ fontSize: 11, fill: CHART.tick }}
            tickLine={false}
            axisLine={false}
          />
          <YAxis
            type="category"
            dataKey="label"
            width={130}
            interval={0}
            tick={{ fontSize: 12, fill: CHART.tick }}
            tickLine={false}
          />
          <Tooltip cursor={{ fill: "#f1f5f9" }} content={<GradeTooltip />} />
          <Legend
            verticalAlign="top"
            height={28}
            iconType="square"
            itemSorter={null}
            wrapperStyle={{ fontSize: 12 }}
          />
          {grades.map((g, i) => (
            <Bar
              key={g.key}
              dataKey={g.key}
              name={g.name}
              stackId="grades"
              fill={FILLS[i]}
              stroke={CHART.line}
              strokeWidth={0.5}
              barSize={18}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
