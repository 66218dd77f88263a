/**
 * The relation types of a link between two annotations (or map nodes), their colours and how
 * links written by earlier versions of Synoptic map onto them. Pure: no React, no Yjs.
 */
export const RELATIONS = ["supports", "opposes", "elaborates", "same_claim", "responds_to", "cites"] as const;
export type Relation = (typeof RELATIONS)[number];

/**
 * Link kinds of the first collaboration model (docs/collab-model.md), read as today's relations,
 * so links stored before this feature keep their meaning instead of being flagged.
 */
export const LEGACY_RELATIONS: Readonly<Record<string, Relation>> = {
  contradicts: "opposes",
  questions: "responds_to",
  relates: "elaborates",
};

/** One colour per relation: distinct for common colour-vision deficiencies (Okabe–Ito palette). */
export const RELATION_COLOURS: Readonly<Record<Relation, string>> = {
  supports: "#009e73",
  opposes: "#d55e00",
  elaborates: "#0072b2",
  same_claim: "#cc79a7",
  responds_to: "#e69f00",
  cites: "#5d6470",
};

/** Dashed strokes for the relations that are not claims about truth, so colour is not the only cue. */
export const RELATION_DASHED: Readonly<Record<Relation, boolean>> = {
  supports: false,
  opposes: false,
  elaborates: true,
  same_claim: true,
  responds_to: true,
  cites: true,
};

export function isRelation(value: unknown): value is Relation {
  return typeof value === "string" && (RELATIONS as readonly string[]).includes(value);
}

/** Today's relation for a stored kind (legacy names mapped), or undefined when unknown. */
export function normaliseRelation(value: unknown): Relation | undefined {
  if (isRelation(value)) return value;
  return typeof value === "string" ? LEGACY_RELATIONS[value] : undefined;
}
