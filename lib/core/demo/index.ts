export * from "./demo-content-schema";
export * from "./plan-demo-content";
