export * from "./enums";
export * from "./organisations";
export * from "./users";
export * from "./fiscal-years";
export * from "./projects";
export * from "./audit";
