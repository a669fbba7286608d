// @ts-check
// Loading an OpenAPI document (a file or an http(s) URL, JSON or YAML) and following its local `$ref`s.
import { readFile } from "node:fs/promises";
import { parse } from "yaml";

const FETCH_TIMEOUT_MS = 60_000;

/**
 * @param {string} source a file path or an http(s) URL
 * @returns {Promise<Record<string, any>>}
 */
export async function loadDocument(source) {
  const text = /^https?:\/\//i.test(source) ? await download(source) : await readFile(source, "utf8");
  // JSON is YAML 1.2, so one parser reads both.
  const document = parse(text);
  if (document === null || typeof document !== "object" || typeof document.paths !== "object") {
    throw new Error(`${source} is not an OpenAPI document: it has no paths`);
  }
  return document;
}

/**
 * Parts of one document (the vendor's spec cut to some operations each) as one: their paths and each kind of
 * component side by side. A part's component of the same name as another part's is the same vendor's definition.
 * @param {Record<string, any>[]} parts
 * @returns {Record<string, any>}
 */
export function mergeDocuments(parts) {
  const [first, ...rest] = parts;
  if (rest.length === 0) return /** @type {Record<string, any>} */ (first);
  /** @type {Record<string, Record<string, unknown>>} */
  const components = {};
  for (const part of parts) {
    for (const [kind, members] of Object.entries(part.components ?? {})) components[kind] = { ...components[kind], ...members };
  }
  return { ...first, paths: Object.assign({}, ...parts.map((part) => part.paths)), components };
}

/** @param {string} url */
async function download(url) {
  const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status} ${response.statusText}`);
  return response.text();
}

/**
 * The node a `$ref` chain ends at. Keywords written beside a `$ref` win over the target's, as OpenAPI 3.1 allows.
 * Only references inside the document (`#/...`) are followed: both specs this tool reads are single files.
 * @param {Record<string, any>} document
 * @param {unknown} node
 * @returns {any}
 */
export function resolve(document, node) {
  const followed = new Set();
  let current = node;
  while (isObject(current) && typeof current.$ref === "string") {
    const { $ref, ...siblings } = current;
    if (followed.has($ref)) throw new Error(`$ref cycle at ${$ref}`);
    followed.add($ref);
    const target = pointer(document, $ref);
    current = isObject(target) ? { ...target, ...siblings } : target;
  }
  return current;
}

/**
 * @param {Record<string, any>} document
 * @param {string} ref
 */
function pointer(document, ref) {
  if (!ref.startsWith("#/")) throw new Error(`Only local $refs (#/...) are supported, found ${ref}`);
  let node = /** @type {unknown} */ (document);
  for (const raw of ref.slice(2).split("/")) {
    const key = decodeURIComponent(raw).replaceAll("~1", "/").replaceAll("~0", "~");
    if (!isObject(node) || !(key in node)) throw new Error(`$ref ${ref} points at nothing`);
    node = node[key];
  }
  return node;
}

/**
 * @param {unknown} value
 * @returns {value is Record<string, any>}
 */
export function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
