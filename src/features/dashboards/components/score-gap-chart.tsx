"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CHART } from "./chart-theme";

export type ScoreGapRow = {
  label: string;
  self: number;
  sampled: number;
  /** Tooltip lines, already formatted (gap, sampled projects). */
  details: string[];
};

function GapTooltip({
  active,
  payload,
  names,
}: {
  active?: boolean;
  payload?: { payload: ScoreGapRow }[];
  names: { self: string; sampled: string; unit: string };
}) {
  const row = payload?.[0]?.payload;
  if (!active || !row) return null;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow-md">
      <div className="mb-1 font-semibold text-slate-800">{row.label}</div>
      <div className="num text-slate-700">
        {names.self}: {row.self.toFixed(2)} {names.unit}
      </div>
      <div className="num text-slate-700">
        {names.sampled}: {row.sampled.toFixed(2)} {names.unit}
      </div>
      {row.details.map((d) => (
        <div key={d} className="num text-slate-500">
          {d}
        </div>
      ))}
    </div>
  );
}

/**
 * Two horizontal bars per department — the units' own score of the sampled projects (dark, solid) and
 * the sampling group's score (light, hatched) — so the two read apart in colour, in grey-scale print
 * and by pattern. Department names sit on the left, never rotated or overlapping.
 */
export function ScoreGapChart({
  rows,
  names,
}: {
  rows: ScoreGapRow[];
  names: { self: string; sampled: string; unit: string; axis: string };
}) {
  const height = Math.max(160, rows.length * 40 + 70);
  const min = Math.floor(Math.min(...rows.map((r) => Math.min(r.self, r.sampled)), 100) / 10) * 10 - 10;
  return (
    <div style={{ height }} aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 4 }} barGap={2}>
          <defs>
            <pattern
              id="sampled-hatch"
              width="6"
              height="6"
              patternUnits="userSpaceOnUse"
              patternTransform="rotate(45)"
            >
              <rect width="6" height="6" fill={CHART.light} />
              <line x1="0" y1="0" x2="0" y2="6" stroke={CHART.line} strokeWidth="1.5" />
            </pattern>
          </defs>
          <CartesianGrid horizontal={false} stroke={CHART.grid} />
          <XAxis
            type="number"
            domain={[Math.max(0, min), 100]}
            tick={{ fontSize: 11, fill: CHART.tick }}
            tickLine={false}
            axisLine={false}
            label={{
              value: names.axis,
              position: "insideBottomRight",
              offset: -2,
              fontSize: 11,
              fill: CHART.tick,
            }}
          />
          <YAxis
            type="category"
            dataKey="label"
            width={150}
            interval={0}
            tick={{ fontSize: 12, fill: CHART.tick }}
            tickLine={false}
          />
          <Tooltip cursor={{ fill: "#f1f5f9" }} content={<GapTooltip names={names} />} />
          <Legend
            verticalAlign="top"
            height={28}
            iconType="square"
            itemSorter={null}
            wrapperStyle={{ fontSize: 12 }}
          />
          <Bar dataKey="self" name={names.self} fill={CHART.primary} barSize={12} isAnimationActive={false} />
          <Bar
            dataKey="sampled"
            name={names.sampled}
            fill="url(#sampled-hatch)"
            stroke={CHART.line}
            strokeWidth={0.5}
            barSize={12}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
