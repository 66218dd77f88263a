/** The argument core (issue #7): relations, link rules, the map graph, layout input, exports, connectors. */
export * from "./relations";
export * from "./link-schema";
export * from "./validate-link";
export * from "./graph";
export * from "./sizes";
export * from "./elk-graph";
export * from "./export-argdown";
export * from "./export-aif";
export * from "./export-svg";
export * from "./connectors";
export * from "./place-new-nodes";
