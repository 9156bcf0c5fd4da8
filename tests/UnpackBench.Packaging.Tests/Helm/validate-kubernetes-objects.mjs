// Validates Kubernetes objects against the schemas of their kinds, as generated from the Kubernetes
// OpenAPI (and the Prometheus Operator's CRDs) by the kubernetes-models packages.
//   node validate-kubernetes-objects.mjs NODE_MODULES < objects.json
// stdin: a JSON array of objects. stdout: a JSON array of {kind, name, problems}, one per object;
// an object whose apiVersion/kind has no schema is a problem, never skipped.
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const modules = process.argv[2];
// The package of each API group that is not Kubernetes' own.
const packages = { "monitoring.coreos.com": "@kubernetes-models/prometheus-operator" };

async function validate(object) {
  const [group, version] = object.apiVersion.includes("/") ? object.apiVersion.split("/") : ["", object.apiVersion];
  const file = join(modules, packages[group] ?? "kubernetes-models", group, version, `${object.kind}.js`);
  if (!existsSync(file)) {
    return [`no schema for ${object.apiVersion} ${object.kind} (looked for ${file})`];
  }
  const model = (await import(pathToFileURL(file).href))[object.kind];
  try {
    new model(object).validate();
    return [];
  } catch (error) {
    return (error.errors ?? [{ instancePath: "", message: error.message }]).map((e) => `${e.instancePath || "/"}: ${e.message}`);
  }
}

const objects = JSON.parse(readFileSync(0, "utf8"));
const results = [];
for (const object of objects) {
  results.push({ kind: object.kind, name: object.metadata?.name, problems: await validate(object) });
}
process.stdout.write(JSON.stringify(results));
