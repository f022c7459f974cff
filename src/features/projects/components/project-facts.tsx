import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import type { ProjectDetail } from "../queries";

function Fact({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-sm break-words text-slate-900">{children}</dd>
    </div>
  );
}

/** 基本信息: what the project is, as filed. */
export function ProjectFacts({ project }: { project: ProjectDetail }) {
  const t = useTranslations("projects.fields");
  const te = useTranslations("enums");
  const tc = useTranslations("common");
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-4 sm:grid-cols-2 xl:grid-cols-3">
      <Fact label={t("code")}>
        <span className="num">{project.code}</span>
      </Fact>
      <Fact label={t("year")}>{tc("yearValue", { year: project.year })}</Fact>
      <Fact label={t("unit")}>{project.unitName}</Fact>
      <Fact label={t("department")}>{project.departmentName}</Fact>
      <Fact label={t("kind")}>{te(`projectKind.${project.kind}`)}</Fact>
      <Fact label={t("novelty")}>{te(`novelty.${project.novelty}`)}</Fact>
      <Fact label={t("duration")}>{te(`duration.${project.duration}`)}</Fact>
      <Fact label={t("major")}>{project.isMajor ? <Badge tone="red">{tc("yes")}</Badge> : tc("no")}</Fact>
      <Fact label={t("specialArea")}>{te(`specialArea.${project.specialArea}`)}</Fact>
    </dl>
  );
}
