/**
 * Splits a migration script into statements at the semicolons that end them — not those in
 * comments, string literals, quoted identifiers or dollar-quoted bodies. adapter-pg's own
 * executeScript splits on every ";", so a semicolon in a migration's comment broke it.
 */
export function splitSqlStatements(script: string): string[] {
  const out: string[] = [];
  let current = "";
  let i = 0;
  const n = script.length;
  while (i < n) {
    const c = script[i]!;
    const next = script[i + 1];
    if (c === "-" && next === "-") {
      const end = script.indexOf("\n", i);
      i = end < 0 ? n : end + 1;
      current += "\n";
    } else if (c === "/" && next === "*") {
      // Block comments nest in PostgreSQL.
      let depth = 1;
      i += 2;
      while (i < n && depth > 0) {
        const pair = script.slice(i, i + 2);
        if (pair === "/*" || pair === "*/") {
          depth += pair === "/*" ? 1 : -1;
          i += 2;
        } else i++;
      }
      current += " ";
    } else if (c === "'" || c === '"') {
      // A doubled quote inside is an escaped quote: the scan simply continues past it.
      let j = i + 1;
      while (j < n && !(script[j] === c && script[j + 1] !== c)) j += script[j] === c ? 2 : 1;
      current += script.slice(i, j + 1);
      i = j + 1;
    } else if (c === "$") {
      const tag = /^\$[A-Za-z_]?[A-Za-z0-9_]*\$/.exec(script.slice(i))?.[0];
      if (tag) {
        const end = script.indexOf(tag, i + tag.length);
        const stop = end < 0 ? n : end + tag.length;
        current += script.slice(i, stop);
        i = stop;
      } else {
        current += c;
        i++;
      }
    } else if (c === ";") {
      if (current.trim()) out.push(current.trim());
      current = "";
      i++;
    } else {
      current += c;
      i++;
    }
  }
  if (current.trim()) out.push(current.trim());
  return out;
}
