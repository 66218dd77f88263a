export * from "./match-quote";
export * from "./anchor-quote";
export * from "./report";
