/** The compare view's pure logic: URL state, selection checks, anchor placement, overlaps, lists, colours. */
export * from "./view-state";
export * from "./overlap";
export * from "./selection";
export * from "./resolve-anchor";
export * from "./colours";
export * from "./list";
export * from "./theme-lens";
export * from "./open-at";
export * from "./place-in-version";
