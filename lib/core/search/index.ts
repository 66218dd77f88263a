/** Workspace search core (issue #13): folding with offset maps, the query language, grams, chunks, hits, snippets. */
export * from "./fold";
export * from "./query";
export * from "./grams";
export * from "./chunk";
export * from "./match";
export * from "./snippet";
export * from "./schemas";
