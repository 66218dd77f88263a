/** Similar passages across documents (issue #13): features, units, TF-IDF index, ranking, wire shapes. */
export * from "./features";
export * from "./feature-table";
export * from "./units";
export * from "./analyse-document";
export * from "./build-index";
export * from "./query";
export * from "./present";
export * from "./schemas";
