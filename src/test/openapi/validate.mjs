// Checks Paragrade's served OpenAPI document with an independent validator, then checks real
// answers of the server against the schemas the document declares for them.
//
//   node validate.mjs <openapi.json> [<answers.json>]
//
// answers.json: [{"operation": "get /api/submissions/{id}", "status": "200", "body": {...}}, ...]
// For each answer, every property the schema requires must be present, every present property
// must be declared (so the schema describes what is served, not an empty object), and values must
// have the declared type and enum value (null only where the schema allows it). Exit code 0: all good; 1: the
// problems are printed, one a line.
import SwaggerParser from "@apidevtools/swagger-parser";
import { readFile } from "node:fs/promises";

const [documentFile, answersFile] = process.argv.slice(2);
const problems = [];

let api;
try {
  // validate() checks the document against the OpenAPI schema and its own rules, then dereferences it.
  api = await SwaggerParser.validate(documentFile);
  console.log(`valid OpenAPI ${api.openapi}: ${api.info.title} ${api.info.version}, ` +
    `${Object.keys(api.paths).length} paths`);
} catch (e) {
  console.log(`invalid document: ${e.message}`);
  process.exit(1);
}

const answers = answersFile ? JSON.parse(await readFile(answersFile, "utf8")) : [];
for (const answer of answers) {
  const [method, path] = answer.operation.split(" ");
  const operation = api.paths[path]?.[method];
  const schema = operation?.responses?.[answer.status]?.content?.["application/json"]?.schema;
  if (!schema) {
    problems.push(`${answer.operation} ${answer.status}: the document declares no JSON schema for this answer`);
    continue;
  }
  check(schema, answer.body, `${answer.operation} ${answer.status}: $`);
  console.log(`checked ${answer.operation} ${answer.status}`);
}

function types(schema) {
  const t = schema.type === undefined ? [] : [].concat(schema.type);
  if (schema.nullable === true) t.push("null");
  return t;
}

function check(schema, value, where) {
  for (const part of schema.allOf ?? []) check(part, value, where);
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives) {
    const isNull = (s) => types(s).length === 1 && types(s)[0] === "null";
    if (value === null && (types(schema).includes("null") || alternatives.some(isNull))) return;
    const others = alternatives.filter((s) => !isNull(s));
    if (others.length === 1) {
      check(others[0], value, where); // "X or null": say what is wrong inside X
      return;
    }
    const fits = alternatives.filter((s) => { const before = problems.length; check(s, value, where);
      const ok = problems.length === before; problems.length = before; return ok; });
    if (fits.length === 0) problems.push(`${where}: fits none of the schema's alternatives`);
    return;
  }
  const allowed = types(schema);
  if (value === null) {
    if (allowed.length > 0 && !allowed.includes("null")) problems.push(`${where}: null, but the schema says ${allowed}`);
    return;
  }
  const actual = Array.isArray(value) ? "array" : typeof value === "object" ? "object"
    : Number.isInteger(value) ? "integer" : typeof value;
  const fits = allowed.length === 0 || allowed.includes(actual) || (actual === "integer" && allowed.includes("number"));
  if (!fits) {
    problems.push(`${where}: ${actual}, but the schema says ${allowed}`);
    return;
  }
  if (schema.enum && !schema.enum.includes(value)) {
    problems.push(`${where}: ${JSON.stringify(value)} is not one of ${schema.enum.join(", ")}`);
  }
  if (actual === "array" && schema.items) {
    value.forEach((item, i) => check(schema.items, item, `${where}[${i}]`));
  }
  if (actual === "object") {
    const declared = schema.properties ?? {};
    for (const name of schema.required ?? []) {
      if (!(name in value)) problems.push(`${where}.${name}: required by the schema, missing from the answer`);
    }
    for (const [name, v] of Object.entries(value)) {
      if (declared[name]) {
        check(declared[name], v, `${where}.${name}`);
      } else if (schema.additionalProperties && typeof schema.additionalProperties === "object") {
        check(schema.additionalProperties, v, `${where}.${name}`);
      } else if (schema.additionalProperties !== true) {
        problems.push(`${where}.${name}: in the answer, not declared by the schema`);
      }
    }
  }
}

for (const p of problems) console.log(p);
process.exit(problems.length === 0 ? 0 : 1);
