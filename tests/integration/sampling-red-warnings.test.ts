import { describe, expect, it } from "vitest";
import { warningCounts } from "@/features/monitoring/warning-queries";
import { drawCandidates } from "@/features/sampling/draw-inputs";
import { drawSample } from "@/features/sampling/rules";
import { redWarningProjectIds } from "@/features/sampling/queries";
import { db } from "@/server/db";
import { ROUND_ID } from "@/server/seed/monitoring";
import { signedIn } from "../factories/users";

describe("集中抽评's must-include rule for 事中监控 red warnings", () => {
  it("takes exactly the projects the warning overview counts as red, and the draw puts every one in", async () => {
    const red = await redWarningProjectIds(db, 2020);
    const { totals } = await warningCounts(await signedIn("finance_admin"), ROUND_ID);
    expect(totals.RED).toBeGreaterThan(0);
    expect(red.size).toBe(totals.RED);

    const candidates = await drawCandidates(db, 2020);
    const inPopulation = candidates.filter((c) => red.has(c.projectId)).length;
    const drawn = drawSample({
      candidates,
      sampleSize: inPopulation + 10,
      seed: 7,
      minAmountFen: null,
      includeLastYearFail: false,
      includeRedWarnings: true,
      redWarningIds: red,
    });
    if (!drawn.ok) throw new Error(drawn.error);
    const mustIn = drawn.selections.filter((s) => s.reason === "RED_WARNING").map((s) => s.projectId);
    expect(new Set(mustIn)).toEqual(
      new Set(candidates.filter((c) => red.has(c.projectId)).map((c) => c.projectId)),
    );
    expect(drawn.selections).toHaveLength(inPopulation + 10);
  });
});
