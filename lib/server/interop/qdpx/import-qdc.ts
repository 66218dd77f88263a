/**
 * Imports a REFI-QDA codebook (.qdc) into the workspace's theme tree: codes whose name a theme
 * already has are that theme, the others are created nested as given (plan-themes). The
 * Codebook XSD is not among the schemas this project has, so the file gets the structural
 * checks (root, namespace, GUIDs, required attributes); the report says so.
 */
import { metaDocName, COLLAB_LIMITS } from "../../../core/collab";
import { AppError } from "../../../core/errors";
import { CODEBOOK_NS, parseGuid, parseXml, readCodebook, XmlLimitError, type XmlElement } from "../../../core/interop/qdpx";
import { prisma } from "../../../infra/db/client";
import { sendCollabOperations } from "../../collab/send-collab-operations";
import { logger } from "../../../infra/log";
import { planThemes } from "./plan-themes";

const log = logger("qdc-import");
export const QDC_MAX_BYTES = 10 * 1024 * 1024;

export interface QdcImportReport {
  validator: "structural";
  codes: number;
  created: number;
  matched: number;
}

function checkCodebook(root: XmlElement): string[] {
  const errors: string[] = [];
  if (root.name !== "CodeBook") errors.push(`root element <${root.name}> is not <CodeBook>`);
  if (root.attrs.xmlns !== CODEBOOK_NS) errors.push(`namespace "${root.attrs.xmlns ?? ""}" is not ${CODEBOOK_NS}`);
  const stack = [...root.children];
  while (stack.length && errors.length < 100) {
    const el = stack.pop()!;
    if (el.name === "Code") {
      if (!parseGuid(el.attrs.guid)) errors.push(`<Code guid="${(el.attrs.guid ?? "").slice(0, 60)}"> is not a GUID`);
      if (el.attrs.name === undefined) errors.push("<Code> lacks the required attribute name");
      if (el.attrs.isCodable === undefined) errors.push("<Code> lacks the required attribute isCodable");
    }
    stack.push(...el.children);
  }
  return errors;
}

export async function importQdc(input: { workspaceId: string; bytes: Uint8Array; actor: { id: string; name: string } }): Promise<QdcImportReport> {
  if (input.bytes.length > QDC_MAX_BYTES) throw new AppError("too_large", "import_too_large", { details: { limit: QDC_MAX_BYTES } });
  let root: XmlElement | null;
  try {
    root = parseXml(new TextDecoder("utf-8").decode(input.bytes).replace(/^\ufeff/, ""));
  } catch (e) {
    if (e instanceof XmlLimitError) throw new AppError("too_large", "qdpx_too_complex", { details: { limit: e.limit, value: e.value } });
    throw new AppError("invalid_input", "qdpx_schema_invalid", { cause: e, details: { errors: ["not well-formed XML"] } });
  }
  const errors = root ? checkCodebook(root) : ["empty document"];
  const book = root ? readCodebook(root) : { codes: [], problems: [] };
  if (errors.length || book.problems.length) throw new AppError("invalid_input", "qdpx_schema_invalid", { details: { validator: "structural", errors: [...errors, ...book.problems] } });
  const existing = await prisma.theme.findMany({ where: { workspaceId: input.workspaceId }, select: { id: true, name: true, colour: true } });
  const plan = planThemes(book.codes, existing);
  const actor = { id: input.actor.id, name: input.actor.name.slice(0, COLLAB_LIMITS.nameMax) || "import" };
  for (let i = 0; i < plan.operations.length; i += 1_000) await sendCollabOperations({ documentName: metaDocName(input.workspaceId), actor, operations: plan.operations.slice(i, i + 1_000) });
  log.info({ workspaceId: input.workspaceId, userId: actor.id, created: plan.created, matched: plan.matched }, "codebook imported");
  return { validator: "structural", codes: plan.created + plan.matched, created: plan.created, matched: plan.matched };
}
