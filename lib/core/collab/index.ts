export * from "./doc-names";
export * from "./anchor";
export * from "./entries";
export * from "./direct-ops";
