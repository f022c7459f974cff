import "server-only";
import type { ActionContext, ActionDefinition } from "@/server/action-client";
import type { AuditAction } from "@/server/audit";
import type { OverallType } from "./flow";
import {
  openOverallSchema,
  opinionSchema,
  returnSchema,
  saveSelfSchema,
  scoreTownshipSchema,
  type OpenOverallInput,
  type OpinionInput,
  type ReturnInput,
  type SaveSelfInput,
  type ScoreTownshipInput,
} from "./schemas";
import { openOverall, recordOpinion, returnOverall, saveSelf, scoreTownship } from "./service";

// Definitions and bodies live outside the "use server" file so integration tests run exactly what
// the browser runs (runAction), with a user of their choosing.

const AUDIT: Record<OverallType, { opened: AuditAction; saved: AuditAction; moved: AuditAction }> = {
  DEPT_OVERALL: {
    opened: "deptOverall.opened",
    saved: "deptOverall.saved",
    moved: "deptOverall.transitioned",
  },
  TOWNSHIP_FISCAL: {
    opened: "townshipEvaluation.opened",
    saved: "townshipEvaluation.saved",
    moved: "townshipEvaluation.transitioned",
  },
};

const openBody =
  (type: OverallType) =>
  async (input: OpenOverallInput, { user, tx, audit }: ActionContext) => {
    const opened = await openOverall(type, input, { db: tx, user });
    await audit({
      action: AUDIT[type].opened,
      entityType: "evaluation",
      entityId: opened.id,
      changes: { orgId: opened.orgId, year: opened.year, dueDate: input.dueDate },
    });
    return opened;
  };

const saveSelfBody =
  (type: OverallType) =>
  async (input: SaveSelfInput, { user, tx, audit }: ActionContext) => {
    const saved = await saveSelf(type, input, { db: tx, user });
    await audit({
      action: saved.submitted ? AUDIT[type].moved : AUDIT[type].saved,
      entityType: "evaluation",
      entityId: saved.id,
      changes: saved.submitted
        ? { from: saved.from, to: saved.status, selfTotal: saved.selfTotal }
        : { version: saved.version, lines: saved.lines },
    });
    return { id: saved.id, version: saved.version, status: saved.status };
  };

const returnBody =
  (type: OverallType) =>
  async (input: ReturnInput, { user, tx, audit }: ActionContext) => {
    const moved = await returnOverall(type, input, { db: tx, user });
    await audit({
      action: AUDIT[type].moved,
      entityType: "evaluation",
      entityId: moved.id,
      changes: { from: moved.from, to: moved.status, comment: input.comment },
    });
    return { id: moved.id, version: moved.version, status: moved.status };
  };

export const openDeptOverallDefinition = {
  name: "openDeptOverallEvaluation",
  permission: "deptOverall.open",
  schema: openOverallSchema,
} satisfies ActionDefinition<typeof openOverallSchema>;
export const runOpenDeptOverall = openBody("DEPT_OVERALL");

export const saveDeptSelfDefinition = {
  name: "saveDeptOverallSelfEvaluation",
  permission: "deptOverall.selfEvaluate",
  schema: saveSelfSchema,
} satisfies ActionDefinition<typeof saveSelfSchema>;
export const runSaveDeptSelf = saveSelfBody("DEPT_OVERALL");

export const returnDeptOverallDefinition = {
  name: "returnDeptOverallEvaluation",
  permission: "deptOverall.return",
  schema: returnSchema,
} satisfies ActionDefinition<typeof returnSchema>;
export const runReturnDeptOverall = returnBody("DEPT_OVERALL");

export const recordOpinionDefinition = {
  name: "recordDeptOverallOpinion",
  permission: "deptOverall.opinion",
  schema: opinionSchema,
} satisfies ActionDefinition<typeof opinionSchema>;

export async function runRecordOpinion(input: OpinionInput, { user, tx, audit }: ActionContext) {
  const recorded = await recordOpinion(input, { db: tx, user });
  await audit({
    action: "deptOverall.opinionRecorded",
    entityType: "evaluation",
    entityId: recorded.evaluationId,
    changes: { opinionId: recorded.id, length: input.body.length },
  });
  return recorded;
}

export const openTownshipDefinition = {
  name: "openTownshipEvaluation",
  permission: "townshipEvaluation.open",
  schema: openOverallSchema,
} satisfies ActionDefinition<typeof openOverallSchema>;
export const runOpenTownship = openBody("TOWNSHIP_FISCAL");

export const saveTownshipSelfDefinition = {
  name: "saveTownshipSelfEvaluation",
  permission: "townshipEvaluation.selfEvaluate",
  schema: saveSelfSchema,
} satisfies ActionDefinition<typeof saveSelfSchema>;
export const runSaveTownshipSelf = saveSelfBody("TOWNSHIP_FISCAL");

export const returnTownshipDefinition = {
  name: "returnTownshipEvaluation",
  permission: "townshipEvaluation.score",
  schema: returnSchema,
} satisfies ActionDefinition<typeof returnSchema>;
export const runReturnTownship = returnBody("TOWNSHIP_FISCAL");

export const scoreTownshipDefinition = {
  name: "scoreTownshipEvaluation",
  permission: "townshipEvaluation.score",
  schema: scoreTownshipSchema,
} satisfies ActionDefinition<typeof scoreTownshipSchema>;

export async function runScoreTownship(input: ScoreTownshipInput, { user, tx, audit }: ActionContext) {
  const scored = await scoreTownship(input, { db: tx, user });
  await audit({
    action: scored.settled ? "townshipEvaluation.transitioned" : "townshipEvaluation.scored",
    entityType: "evaluation",
    entityId: scored.id,
    changes: scored.settled
      ? { from: scored.from, to: scored.status, total: scored.total, grade: scored.grade }
      : { version: scored.version, lines: input.lines.length, findings: input.findings.length },
  });
  return { id: scored.id, version: scored.version, status: scored.status };
}
