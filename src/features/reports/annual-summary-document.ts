import { inUnit, ratePercent } from "@/domain/money";
import type { AnnualSummary, EvaluatedProject, OrgEvaluation } from "./annual-summary-queries";

// The summary as a list of blocks: the page renders them as HTML (and prints them on A4), the Word
// download writes the same blocks with docx, so both carry the same words and figures.

export type Align = "left" | "right";
export type Block =
  | { kind: "title"; text: string }
  | { kind: "heading"; text: string }
  | { kind: "subheading"; text: string }
  | { kind: "paragraph"; text: string; id?: string }
  | { kind: "table"; caption: string; headers: string[]; align: Align[]; rows: string[][] };

type Translate = (key: string, values?: Record<string, string | number>) => string;

const yi = (v: string) => inUnit(v, "yi", 2);
const wan = (v: string) => inUnit(v, "wan", 2);
const share = (part: number, whole: number) => {
  const r = ratePercent(BigInt(part), BigInt(whole), 2);
  return r === null ? "—" : `${r}%`;
};

function projectTable(t: Translate, caption: string, rows: EvaluatedProject[], gradeName: Translate): Block {
  return {
    kind: "table",
    caption,
    headers: [t("colProject"), t("colDepartment"), t("colProjectFunds"), t("colScore"), t("colGrade")],
    align: ["left", "left", "right", "right", "left"],
    rows: rows.map((r) => [
      `${r.name}（${r.code}）`,
      r.departmentName,
      wan(r.funds),
      r.score ?? "—",
      r.grade ? gradeName(r.grade) : "—",
    ]),
  };
}

function orgTable(t: Translate, caption: string, rows: OrgEvaluation[], gradeName: Translate): Block {
  return {
    kind: "table",
    caption,
    headers: [t("colOrg"), t("colScore"), t("colGrade")],
    align: ["left", "right", "left"],
    rows: rows.map((r) => [r.orgName, r.score ?? t("inProgress"), r.grade ? gradeName(r.grade) : "—"]),
  };
}

/** The document of a work year: sections 一 and 二 from the data, 三 from the bureau's text. */
export function summaryBlocks(data: AnnualSummary, plan: string, t: Translate): Block[] {
  const { workYear, budgetYear, planYear, self, sampling, key, thirdParty, preAssessment: pre } = data;
  const gradeName: Translate = (g) => t(`gradeNames.${g}`);
  const groups = sampling.groups.length;
  const preRate = ratePercent(pre.cut, pre.requested, 2);
  const rate = preRate === null ? "—" : `${preRate}%`;
  const gradeMix = (label: string) =>
    (["EXCELLENT", "GOOD", "PASS", "FAIL"] as const)
      .filter((g) => thirdParty.grades[g] > 0)
      .map((g) => t(label, { grade: gradeName(g), count: thirdParty.grades[g] }))
      .join(t("listSeparator"));
  const blocks: Block[] = [
    { kind: "title", text: t("title", { workYear, planYear }) },
    { kind: "paragraph", text: t("intro", { workYear }) },
    { kind: "heading", text: t("part1") },
    {
      kind: "paragraph",
      id: "overall",
      text: t("overall", {
        budgetYear,
        selfFiled: self.filed,
        sampled: sampling.projects,
        sampledFunds: yi(sampling.funds),
        key: key.projects,
        keyFunds: yi(key.funds),
        thirdParty: thirdParty.projects,
        thirdPartyFunds: yi(thirdParty.funds),
      }),
    },
  ];
  const names = (rows: OrgEvaluation[]) => rows.map((r) => r.orgName).join(t("nameSeparator"));
  if (data.deptOverall.length)
    blocks.push({ kind: "paragraph", text: t("overallDept", { orgs: names(data.deptOverall) }) });
  if (data.township.length)
    blocks.push({ kind: "paragraph", text: t("overallTownship", { orgs: names(data.township) }) });
  blocks.push({
    kind: "table",
    caption: t("figures"),
    headers: [t("colItem"), t("colProjects"), t("colFunds"), t("colNote")],
    align: ["left", "right", "right", "left"],
    rows: [
      [
        t("rowSelf"),
        String(self.filed),
        "—",
        t("rowSelfNote", { projects: self.projects, coverage: share(self.filed, self.projects) }),
      ],
      [t("rowSampled"), String(sampling.projects), yi(sampling.funds), t("rowSampledNote", { groups })],
      [t("rowKey"), String(key.projects), yi(key.funds), ""],
      [t("rowThirdParty"), String(thirdParty.projects), yi(thirdParty.funds), gradeMix("rowGradeNote")],
      [t("rowPre", { planYear }), String(pre.projects), yi(pre.requested), t("rowPreNote", { cut: yi(pre.cut), rate })],
    ],
  });

  blocks.push({ kind: "heading", text: t("part2") }, { kind: "subheading", text: t("sec1") });
  blocks.push({
    kind: "paragraph",
    id: "pre",
    text: pre.projects
      ? t("pre", {
          workYear,
          projects: pre.projects,
          requested: yi(pre.requested),
          cut: yi(pre.cut),
          rate,
          support: pre.support,
          adjusted: pre.supportAdjusted,
          reject: pre.reject,
        })
      : t("preNone", { workYear }),
  });

  blocks.push({ kind: "subheading", text: t("sec2") });
  blocks.push({
    kind: "paragraph",
    id: "self",
    text: t("self", {
      budgetYear,
      projects: self.projects,
      filed: self.filed,
      coverage: share(self.filed, self.projects),
    }),
  });
  if (sampling.projects) {
    blocks.push({
      kind: "paragraph",
      id: "sampled",
      text: t("sampled", { groups, projects: sampling.projects, funds: yi(sampling.funds) }),
    });
    blocks.push({
      kind: "table",
      caption: t("groupsCaption"),
      headers: [
        t("colGroup"),
        t("colLead"),
        t("colMembers"),
        t("colGroupProjects"),
        t("colGroupFunds"),
        t("colSettled"),
        t("colSelfAvg"),
        t("colSampledAvg"),
      ],
      align: ["left", "left", "right", "right", "right", "right", "right", "right"],
      rows: sampling.groups.map((g) => [
        g.name,
        g.leadName ?? "—",
        String(g.members),
        String(g.projects),
        wan(g.funds),
        String(g.settled),
        g.selfAverage ?? "—",
        g.sampledAverage ?? "—",
      ]),
    });
  } else blocks.push({ kind: "paragraph", id: "sampled", text: t("sampledNone", { budgetYear }) });

  if (key.projects) {
    blocks.push({ kind: "paragraph", id: "key", text: t("key", { projects: key.projects, funds: yi(key.funds) }) });
    blocks.push(projectTable(t, t("keyCaption"), key.items, gradeName));
  } else blocks.push({ kind: "paragraph", id: "key", text: t("keyNone", { budgetYear }) });

  if (thirdParty.projects) {
    const grades = gradeMix("thirdPartyGrade");
    blocks.push({
      kind: "paragraph",
      id: "thirdParty",
      text: t("thirdParty", { projects: thirdParty.projects, funds: yi(thirdParty.funds), grades }),
    });
    blocks.push(projectTable(t, t("thirdPartyCaption"), thirdParty.items, gradeName));
  } else blocks.push({ kind: "paragraph", id: "thirdParty", text: t("thirdPartyNone", { budgetYear }) });

  blocks.push({ kind: "subheading", text: t("sec3") });
  if (data.deptOverall.length) {
    blocks.push({ kind: "paragraph", id: "deptOverall", text: t("deptOverall") });
    blocks.push(orgTable(t, t("deptOverallCaption"), data.deptOverall, gradeName));
  } else blocks.push({ kind: "paragraph", id: "deptOverall", text: t("deptOverallNone", { budgetYear }) });
  if (data.township.length) {
    blocks.push({ kind: "paragraph", id: "township", text: t("township") });
    blocks.push(orgTable(t, t("townshipCaption"), data.township, gradeName));
  } else blocks.push({ kind: "paragraph", id: "township", text: t("townshipNone", { budgetYear }) });

  blocks.push({ kind: "heading", text: t("part3", { planYear }) });
  const paragraphs = plan
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (paragraphs.length) for (const text of paragraphs) blocks.push({ kind: "paragraph", text });
  else blocks.push({ kind: "paragraph", id: "planEmpty", text: t("planEmpty", { planYear }) });
  return blocks;
}
