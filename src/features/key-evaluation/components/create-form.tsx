"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { fieldA11y, inputClass } from "@/components/ui/field";
import { useFormAction } from "@/components/hooks/use-form-action";
import { inUnit, toFen } from "@/domain/money";
import { createKeyEvaluationsAction } from "../actions";
import type { CandidateProject } from "../queries";

type Picked = Pick<CandidateProject, "id" | "code" | "name" | "budget" | "districtId">;
type Reviewer = {
  id: string;
  name: string;
  username: string;
  orgName: string | null;
  districtId: string | null;
};

/**
 * Open key evaluations: tick projects from the search results (the choice is kept while searching
 * and paging), pick the reviewers and their lead, and the 完成时限. The reviewers offered are the
 * finance staff of the picked projects' district (a province-level administrator is given every
 * district's and sees those of the district picked; projects of several districts have none).
 */
export function CreateKeyForm({
  year,
  candidates,
  reviewers,
}: {
  year: number;
  candidates: CandidateProject[];
  reviewers: Reviewer[];
}) {
  const t = useTranslations("keyEvaluation.create");
  const ta = useTranslations("enums.specialArea");
  const f = useFormAction(createKeyEvaluationsAction);
  const [picked, setPicked] = useState<Picked[]>([]);
  const [team, setTeam] = useState<string[]>([]);
  const [lead, setLead] = useState("");
  const created = f.ok ? ((f.state as { data: { ids: string[] } }).data.ids ?? []) : [];
  const toggle = (p: CandidateProject) =>
    setPicked((all) =>
      all.some((x) => x.id === p.id)
        ? all.filter((x) => x.id !== p.id)
        : [...all, { id: p.id, code: p.code, name: p.name, budget: p.budget, districtId: p.districtId }],
    );
  const pickedDistricts = [...new Set(picked.map((p) => p.districtId))];
  const offered =
    pickedDistricts.length === 0 ? reviewers : reviewers.filter((r) => r.districtId === pickedDistricts[0]);
  const shown = pickedDistricts.length > 1 ? [] : offered;
  // A reviewer no longer offered (the picked projects changed) leaves the team.
  const members = team.filter((id) => shown.some((r) => r.id === id));
  const leadOf = members.includes(lead) ? lead : "";
  const sum = picked.reduce((s, p) => s + toFen(p.budget), 0n);
  const errorOf = (k: string) => f.errors[k];
  const errorLine = (id: string, k: string) =>
    errorOf(k) && (
      <p id={`${id}-error`} role="alert" className="mt-1 text-xs text-red-600">
        {errorOf(k)!.join("；")}
      </p>
    );
  return (
    <form
      onSubmit={(e) => {
        f.onSubmit(e);
      }}
      noValidate
      className="space-y-5"
      aria-label={t("label")}
    >
      <input type="hidden" name="year" value={year} />
      {f.message && <Alert tone="error">{f.message}</Alert>}
      {f.ok && (
        <Alert tone="success">
          {t("created", { n: created.length })}{" "}
          <Link href={`/key-evaluations?year=${year}`} className="font-medium underline">
            {t("toList")}
          </Link>
        </Alert>
      )}
      <fieldset>
        <legend className="mb-2 text-sm font-semibold text-slate-800">{t("projects", { year })}</legend>
        {candidates.length === 0 ? (
          <p className="text-sm text-slate-500">{t("noCandidates")}</p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
            {candidates.map((p) => {
              const id = `cand-${p.id}`;
              return (
                <li key={p.id} className="flex items-start gap-3 px-3 py-2">
                  <input
                    id={id}
                    type="checkbox"
                    className="mt-1"
                    checked={picked.some((x) => x.id === p.id)}
                    disabled={p.keyed}
                    onChange={() => toggle(p)}
                  />
                  <label htmlFor={id} className="min-w-0 flex-1 text-sm">
                    <span className="font-medium text-slate-800">{p.name}</span>
                    <span className="block text-xs text-slate-500">
                      <span className="num">{p.code}</span> · {p.departmentName}
                      {p.specialArea !== "GENERAL" && <> · {ta(p.specialArea)}</>}
                    </span>
                  </label>
                  <span className="num text-sm whitespace-nowrap text-slate-700">
                    {inUnit(p.budget, "wan", 2)} {t("wan")}
                  </span>
                  {p.keyed && <Badge tone="gray">{t("alreadyKeyed")}</Badge>}
                </li>
              );
            })}
          </ul>
        )}
      </fieldset>
      <div>
        <h3 className="mb-1 text-sm font-semibold text-slate-800">
          {t("picked", { n: picked.length, wan: inUnit(sum, "wan", 2) })}
        </h3>
        {picked.length === 0 ? (
          <p className="text-sm text-slate-500">{t("nonePicked")}</p>
        ) : (
          <ul
            className="flex flex-wrap gap-2"
            aria-describedby={errorOf("projectIds") ? "pick-error" : undefined}
          >
            {picked.map((p) => (
              <li
                key={p.id}
                className="flex items-center gap-1 rounded-full bg-brand-50 px-3 py-1 text-sm text-brand-800"
              >
                <input type="hidden" name="projectIds" value={p.id} />
                {p.name}
                <button
                  type="button"
                  className="ml-1 text-brand-700 hover:text-brand-900"
                  aria-label={t("unpick", { name: p.name })}
                  onClick={() => setPicked((all) => all.filter((x) => x.id !== p.id))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        {errorLine("pick", "projectIds")}
      </div>
      <fieldset>
        <legend className="mb-1 text-sm font-semibold text-slate-800">{t("reviewers")}</legend>
        <p className="mb-2 text-xs text-slate-500">{t("reviewersHint")}</p>
        {pickedDistricts.length > 1 && <p className="mb-2 text-sm text-amber-700">{t("severalDistricts")}</p>}
        <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
          {shown.map((r) => (
            <div
              key={r.id}
              className="flex items-center justify-between gap-2 rounded-md border border-slate-200 px-3 py-2 text-sm"
            >
              <label className="flex items-center gap-2">
                <input
                  type="checkbox"
                  name="reviewerIds"
                  value={r.id}
                  checked={members.includes(r.id)}
                  onChange={(e) => {
                    setTeam((all) => (e.target.checked ? [...all, r.id] : all.filter((x) => x !== r.id)));
                    if (!e.target.checked && lead === r.id) setLead("");
                  }}
                />
                <span>
                  {r.name}
                  <span className="block text-xs text-slate-500">{r.orgName ?? r.username}</span>
                </span>
              </label>
              <label className="flex items-center gap-1 text-xs text-slate-600">
                <input
                  type="radio"
                  name="leadId"
                  value={r.id}
                  checked={leadOf === r.id}
                  disabled={!members.includes(r.id)}
                  onChange={() => setLead(r.id)}
                  aria-label={t("leadFor", { name: r.name })}
                />
                {t("lead")}
              </label>
            </div>
          ))}
        </div>
        {errorLine("reviewers", "reviewerIds")}
        {errorLine("lead", "leadId")}
      </fieldset>
      <div className="max-w-xs">
        <label htmlFor="key-due" className="mb-1 block text-sm font-medium text-slate-700">
          {t("dueDate")}
        </label>
        <input
          {...fieldA11y("key-due", errorOf("dueDate"))}
          type="date"
          name="dueDate"
          className={inputClass}
        />
        {errorLine("key-due", "dueDate")}
      </div>
      <div className="flex justify-end">
        <Button type="submit" disabled={f.pending}>
          {t("submit", { n: picked.length })}
        </Button>
      </div>
    </form>
  );
}
