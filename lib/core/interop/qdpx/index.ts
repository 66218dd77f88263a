export * from "./model";
export * from "./xml";
export * from "./guid";
export * from "./write-project";
export * from "./parse-xml";
export * from "./read-project";
export * from "./map-positions";
export * from "./check-project";
