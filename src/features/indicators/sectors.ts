import { DEPARTMENTS } from "@/server/seed/organisations-data";

// The library's sectors: every department's sector, plus "general" for indicators any project uses.
export const SECTORS = ["general", ...new Set(DEPARTMENTS.map((d) => d.sector))];
