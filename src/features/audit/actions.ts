"use server";

import { authAction } from "@/server/action-client";
import { verifyChainDef, verifyChainRun } from "./definitions";

export const verifyAuditChainAction = authAction(verifyChainDef, verifyChainRun);
