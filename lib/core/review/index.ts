export * from "./snapshot";
export * from "./diff-snapshots";
export * from "./share-scope";
export * from "./sections";
export * from "./progress";
