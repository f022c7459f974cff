"use client";

import {
  Bar,
  CartesianGrid,
  ComposedChart,
  LabelList,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { CHART } from "./chart-theme";

export type TrendPoint = {
  label: string;
  budget: number;
  budgetText: string;
  projects: number;
  projectsText: string;
};

function TrendTooltip({
  active,
  payload,
  names,
}: {
  active?: boolean;
  payload?: { payload: TrendPoint }[];
  names: { budget: string; projects: string };
}) {
  const p = payload?.[0]?.payload;
  if (!active || !p) return null;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow-md">
      <div className="mb-1 font-semibold text-slate-800">{p.label}</div>
      <div className="num text-slate-700">
        {names.budget}: {p.budgetText}
      </div>
      <div className="num text-slate-700">
        {names.projects}: {p.projectsText}
      </div>
    </div>
  );
}

// Bars stay in the lower three quarters and the line near the top, so their labels never collide.
const BUDGET_HEADROOM = 1.4;
const PROJECTS_HEADROOM = 1.08;
const STEPS = [1, 2, 2.5, 3, 4, 5, 6, 8, 10];

/** Four round steps that reach `max`: 0, 30, 60, 90, 120 rather than 0, 28, 56, 84, 112. */
function axisTicks(max: number): number[] {
  const raw = Math.max(max, 1) / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = (STEPS.find((s) => s * magnitude >= raw) ?? 10) * magnitude;
  return [0, 1, 2, 3, 4].map((i) => i * step);
}

/** 全年预算 as bars on the left axis and the number of projects as a line on the right one. */

export function TrendChart({
  points,
  budgetName,
  projectsName,
}: {
  points: TrendPoint[];
  budgetName: string;
  projectsName: string;
}) {
  const budgetTicks = axisTicks(Math.max(0, ...points.map((p) => p.budget)) * BUDGET_HEADROOM);
  const projectTicks = axisTicks(Math.max(0, ...points.map((p) => p.projects)) * PROJECTS_HEADROOM);
  return (
    <div className="h-72" aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={points} margin={{ top: 24, right: 8, bottom: 4, left: 4 }}>
          <CartesianGrid vertical={false} stroke={CHART.grid} />
          <XAxis dataKey="label" tick={{ fontSize: 12, fill: CHART.tick }} tickLine={false} />
          <YAxis
            yAxisId="budget"
            domain={[0, budgetTicks.at(-1)!]}
            ticks={budgetTicks}
            tickFormatter={(v: number) => v.toLocaleString("en-US")}
            tick={{ fontSize: 11, fill: CHART.tick }}
            tickLine={false}
            axisLine={false}
            width={48}
          />
          <YAxis
            yAxisId="projects"
            orientation="right"
            domain={[0, projectTicks.at(-1)!]}
            ticks={projectTicks}
            tickFormatter={(v: number) => v.toLocaleString("en-US")}
            tick={{ fontSize: 11, fill: CHART.tick }}
            tickLine={false}
            axisLine={false}
            width={48}
          />
          <Tooltip
            cursor={{ fill: "#f1f5f9" }}
            content={<TrendTooltip names={{ budget: budgetName, projects: projectsName }} />}
          />
          <Legend
            wrapperStyle={{ fontSize: 12 }}
            formatter={(value: string) => <span style={{ color: CHART.tick }}>{value}</span>}
          />
          <Bar
            yAxisId="budget"
            dataKey="budget"
            name={budgetName}
            fill={CHART.light}
            barSize={56}
            isAnimationActive={false}
          >
            <LabelList
              dataKey="budgetText"
              position="insideTop"
              offset={8}
              style={{ fontSize: 11, fill: CHART.line }}
            />
          </Bar>
          <Line
            yAxisId="projects"
            dataKey="projects"
            name={projectsName}
            stroke={CHART.line}
            strokeWidth={2}
            dot={{ r: 4, fill: CHART.line }}
            isAnimationActive={false}
          >
            <LabelList
              dataKey="projectsText"
              position="top"
              offset={10}
              style={{ fontSize: 11, fill: CHART.line }}
            />
          </Line>
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
