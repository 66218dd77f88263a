/**
 * Schema validation of project.qde with libxml2's `xmllint --schema` (Debian: libxml2-utils), in
 * its own process with a deadline, no network and a cap on what it may print. The schema is the
 * published REFI-QDA XSD, read from QDA_SCHEMA_DIR (default `../shared/standards/refi-qda/` next
 * to the app) — never copied into the project. When xmllint or the schema is missing, the import
 * says so and falls back to the structural checks of lib/core/interop/qdpx/check-project.ts (the report
 * names the validator used).
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";

export const PROJECT_XSD = "Project-mrt2019.xsd";
const TIMEOUT_MS = 60_000;
const MAX_ERRORS = 100;

export function schemaDir(): string {
  return resolve(process.env.QDA_SCHEMA_DIR ?? resolve(process.cwd(), "../shared/standards/refi-qda"));
}

export interface SchemaCheck {
  validator: "xmllint" | "structural";
  valid: boolean;
  errors: string[];
  /** Why xmllint was not used, when it was not. */
  fallbackReason?: string;
}

/** Runs xmllint over `xml`; resolves `null` when xmllint cannot run here (not installed). */
export function xmllint(xml: Uint8Array | string, xsdPath: string): Promise<SchemaCheck | null> {
  return new Promise((done) => {
    const child = spawn("xmllint", ["--noout", "--nonet", "--huge", "--schema", xsdPath, "-"], { stdio: ["pipe", "ignore", "pipe"], timeout: TIMEOUT_MS });
    const errors: string[] = [];
    let tail = "";
    let settled = false;
    const finish = (r: SchemaCheck | null) => {
      if (!settled) {
        settled = true;
        done(r);
      }
    };
    child.on("error", () => finish(null));
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => {
      const lines = (tail + chunk).split("\n");
      tail = lines.pop() ?? "";
      for (const line of lines) if (errors.length < MAX_ERRORS && line.trim() && !/ validates$/.test(line)) errors.push(line.replace(/^-:/, "line "));
    });
    child.on("close", (code, signal) => {
      if (tail.trim() && errors.length < MAX_ERRORS && !/ validates$/.test(tail)) errors.push(tail.replace(/^-:/, "line "));
      if (signal) return finish({ validator: "xmllint", valid: false, errors: [`validation stopped after ${TIMEOUT_MS / 1000} s`] });
      finish({ validator: "xmllint", valid: code === 0, errors: code === 0 ? [] : errors.filter((e) => !/fails to validate$/.test(e)) });
    });
    child.stdin.on("error", () => undefined);
    child.stdin.end(xml);
  });
}

export async function validateProjectXml(xml: Uint8Array, structural: () => string[]): Promise<SchemaCheck> {
  const xsd = resolve(schemaDir(), PROJECT_XSD);
  if (existsSync(xsd)) {
    const checked = await xmllint(xml, xsd);
    if (checked) return checked;
  }
  const errors = structural();
  return { validator: "structural", valid: errors.length === 0, errors, fallbackReason: existsSync(xsd) ? "xmllint_missing" : "schema_missing" };
}
