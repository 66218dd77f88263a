export * from "./names";
export * from "./tree";
export * from "./ranges";
export * from "./model";
export * from "./matrix";
export * from "./cooccurrence";
export * from "./csv";
export * from "./palette";
