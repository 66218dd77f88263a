/**
 * The part of a REFI-QDA project (QDA-XML 1.0, Project.xsd) that Synoptic writes and reads, as
 * plain data. GUIDs are canonical (lowercase, no braces); dates are ISO strings; positions of
 * text selections count Unicode code points of the source's plain text (see docs/qdpx.md).
 */

export interface QdaUser {
  guid: string;
  name: string;
}

export interface QdaCode {
  guid: string;
  name: string;
  /** `#rrggbb` */
  color?: string;
  description?: string;
  children: QdaCode[];
}

/** A `Note` of the project: an annotation's note, a reply, or a suite's memo. */
export interface QdaNote {
  guid: string;
  name?: string;
  text: string;
  /** "reply" when Synoptic wrote it as a reply (so it comes back as one). */
  kind: "note" | "reply";
  /** Where the text is when the Note holds none inline (`internal://…`). */
  path?: string;
  creatingUser?: string;
  creationDateTime?: string;
}

export interface QdaCoding {
  guid: string;
  codeGuid: string;
  creatingUser?: string;
  creationDateTime?: string;
}

export interface QdaSelection {
  guid: string;
  name?: string;
  /** Code points into the source's plain text, end exclusive. */
  start: number;
  end: number;
  creatingUser?: string;
  creationDateTime?: string;
  modifyingUser?: string;
  modifiedDateTime?: string;
  /** Synoptic's highlight colour and status ride in the Description (`synoptic:colour=#…;status=…`). */
  description?: string;
  codings: QdaCoding[];
  noteGuids: string[];
}

export interface QdaVariable {
  guid: string;
  name: string;
}

export interface QdaSource {
  guid: string;
  name: string;
  /** `internal://…` path of the UTF-8 plain text in Sources/. */
  plainTextPath: string;
  /** `internal://…` path of the original file (PDF/DOCX) when it is kept. */
  richTextPath?: string;
  creatingUser?: string;
  creationDateTime?: string;
  modifiedDateTime?: string;
  description?: string;
  selections: QdaSelection[];
  /** variable GUID → text value */
  values: { variableGuid: string; value: string }[];
}

export type QdaDirection = "Associative" | "OneWay" | "Bidirectional";

export interface QdaLink {
  guid: string;
  name: string;
  direction: QdaDirection;
  originGuid: string;
  targetGuid: string;
  noteGuids: string[];
}

export interface QdaVertex {
  guid: string;
  representedGuid?: string;
  name?: string;
  x: number;
  y: number;
  shape?: string;
  color?: string;
}

export interface QdaEdge {
  guid: string;
  representedGuid?: string;
  name?: string;
  source: string;
  target: string;
  direction?: QdaDirection;
}

export interface QdaGraph {
  guid: string;
  name: string;
  vertices: QdaVertex[];
  edges: QdaEdge[];
}

export interface QdaProject {
  name: string;
  origin: string;
  creatingUserGuid?: string;
  creationDateTime?: string;
  description?: string;
  users: QdaUser[];
  codes: QdaCode[];
  variables: QdaVariable[];
  sources: QdaSource[];
  notes: QdaNote[];
  links: QdaLink[];
  graphs: QdaGraph[];
}
