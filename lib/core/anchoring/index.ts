export * from "./match-quote";
export * from "./anchor-quote";
export * from "./approx-index";
export * from "./report";
