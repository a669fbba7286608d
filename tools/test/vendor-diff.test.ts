import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { startServer, type TestServer } from "@grantkit/test-support/test-server";

// `pnpm spec:vendor-diff` run as users run it, on a small made-up API: fixtures/vendor-diff/ours.yaml and
// vendor.json say the same things written differently (other $ref layout and names, allOf, OpenAPI 3.0's
// `nullable`, other key and enum orders). Each test changes the vendor's side in one way and reads the report.
const run = promisify(execFile);
const cli = fileURLToPath(new URL("../vendor-diff.mjs", import.meta.url));
const fixtures = fileURLToPath(new URL("fixtures/vendor-diff/", import.meta.url));
const oursFile = join(fixtures, "ours.yaml");

type Json = Record<string, any>;
interface Entry {
  operation: string;
  at: string;
  aspect: string;
  reason: string;
  ours?: unknown;
  vendor?: unknown;
}

let dir: string;
let baseVendor: Json;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "grantkit-vendor-diff-"));
  baseVendor = JSON.parse(await readFile(join(fixtures, "vendor.json"), "utf8"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

let files = 0;
/** A file in a directory of its own: the report names the allow file relative to where it runs. */
async function file(name: string, text: string): Promise<string> {
  const path = join(dir, String((files += 1)));
  await mkdir(path);
  await writeFile(join(path, name), text);
  return join(path, name);
}

/** The vendor fixture after `change`, written to a file. */
async function vendorFile(change: (vendor: Json) => void = () => {}): Promise<string> {
  const vendor = structuredClone(baseVendor);
  change(vendor);
  return file("vendor.json", JSON.stringify(vendor));
}

/** Runs the command from the allow file's directory, as `pnpm spec:vendor-diff` runs from the repository root. */
async function diff(vendor: string, allowed: Entry[] = []) {
  const allow = await file("allow.yaml", stringify({ allowed }));
  const { INIT_CWD: _, ...env } = process.env;
  const options = { cwd: dirname(allow), env };
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, "--vendor", vendor, "--ours", oursFile, "--allow", "allow.yaml"], options);
    return { exitCode: 0, stdout, stderr, lines: stdout.trimEnd().split("\n") };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { exitCode: code, stdout, stderr, lines: stdout.trimEnd().split("\n") };
  }
}

const schemas = (vendor: Json) => vendor.components.schemas;
const listThings = (vendor: Json) => vendor.paths["/things"].get;
const notAllowed = (count: number) => [
  `${count} differences from the vendor's spec, 0 allowed by allow.yaml.`,
  "",
  `Not allowed (${count}): fix the spec, or allow each with its reason in allow.yaml.`,
];

describe("spec:vendor-diff on documents that say the same thing", () => {
  it("finds no difference, following $refs and allOf on both sides, and exits 0", async () => {
    const result = await diff(await vendorFile());
    expect(result.lines).toEqual(["0 differences from the vendor's spec, 0 allowed by allow.yaml."]);
    expect(result.exitCode).toBe(0);
  });
});

describe("spec:vendor-diff reports each kind of difference and exits 1", () => {
  it("an enum, wherever the schema is used, with values in a stable order", async () => {
    const result = await diff(await vendorFile((v) => (schemas(v).KindEnum.enum = ["c", "b", "a"])));
    const kinds = 'enum | ours ["a","b"] | vendor ["a","b","c"]';
    expect(result.lines).toEqual([
      ...notAllowed(6),
      "GET /things",
      `  parameter kind | ${kinds}`,
      `  response 200: <array>[].kind | ${kinds}`,
      `  response 200: <object{things,total}>.things[].kind | ${kinds}`,
      "POST /things",
      `  request body: kind | ${kinds}`,
      `  response 201: kind | ${kinds}`,
      "GET /things/{id}",
      `  response 200: kind | ${kinds}`,
    ]);
    expect(result.exitCode).toBe(1);
  });

  it("a parameter's range, whether it is required, how it is sent, and a parameter we lack", async () => {
    const result = await diff(
      await vendorFile((v) => {
        const [ids, kind, perPage] = listThings(v).parameters;
        perPage.schema.maximum = 50;
        kind.required = true;
        ids.explode = false;
        listThings(v).parameters.push({ name: "page", in: "query", schema: { type: "integer" } });
      }),
    );
    expect(result.lines).toEqual([
      ...notAllowed(4),
      "GET /things",
      "  parameter ids | explode | ours true | vendor false",
      "  parameter kind | required | ours false | vendor true",
      "  parameter page | present | only in vendor",
      "  parameter per_page | maximum | ours 100 | vendor 50",
    ]);
    expect(result.exitCode).toBe(1);
  });

  it("nullability, in both OpenAPI 3.0 and 3.1 spellings", async () => {
    const result = await diff(
      await vendorFile((v) => {
        const { properties } = schemas(v).GetThingResponse.allOf[1];
        properties.label.nullable = true;
        properties.tags.additionalProperties = { type: "string" };
      }),
    );
    expect(result.lines).toContain('  response 200: label | type | ours ["string"] | vendor ["null","string"]');
    expect(result.lines).toContain('  response 200: tags{} | type | ours ["null","string"] | vendor ["string"]');
    expect(result.exitCode).toBe(1);
  });

  it("a request body's required fields, properties and their constraints", async () => {
    const result = await diff(
      await vendorFile((v) => {
        const body = schemas(v).CreateThingRequest;
        body.required.push("kind");
        body.properties.colour = { type: "string" };
        body.properties.label.maxLength = 80;
      }),
    );
    expect(result.lines).toEqual([
      ...notAllowed(3),
      "POST /things",
      '  request body | required | ours ["label"] | vendor ["kind","label"]',
      "  request body: colour | present | only in vendor",
      "  request body: label | maxLength | ours (none) | vendor 80",
    ]);
  });

  it("a response's shape: a oneOf alternative we lack, and an object that became an array", async () => {
    const result = await diff(
      await vendorFile((v) => {
        schemas(v).ListThingsResponse.oneOf.push({
          type: "object",
          properties: { next: { type: "string" }, things: { type: "array", items: { type: "object" } } },
        });
        const created = v.paths["/things"].post.responses["201"].content["application/json"];
        created.schema = { type: "array", items: { $ref: "#/components/schemas/GetThingResponse" } };
      }),
    );
    expect(result.lines).toEqual([
      ...notAllowed(3),
      "GET /things",
      "  response 200: <object{next,things}> | present | only in vendor",
      "POST /things",
      // Not every property the array lacks: the shapes, as two alternatives that do not pair.
      "  response 201: <array> | present | only in vendor",
      "  response 201: <object{id,kind,label,parent,tags}> | present | only in ours",
    ]);
  });

  it("status codes, and bodies documented on one side only", async () => {
    const result = await diff(
      await vendorFile((v) => {
        delete v.paths["/things/{id}"].get.responses["404"];
        v.paths["/things/{id}"].get.responses["429"] = { description: "Slow down." };
        delete listThings(v).responses["401"].content;
      }),
    );
    expect(result.lines).toEqual([
      ...notAllowed(3),
      "GET /things",
      '  response 401 | content types | ours ["application/json"] | vendor (none)',
      "GET /things/{id}",
      "  response 404 | present | only in ours",
      "  response 429 | present | only in vendor",
    ]);
  });

  it("an operation the vendor's document does not have", async () => {
    const result = await diff(await vendorFile((v) => delete v.paths["/things/{id}"]));
    expect(result.lines).toEqual([...notAllowed(1), "GET /things/{id}", "  operation | present | only in ours"]);
  });

  it("prints the same report whatever order the vendor writes its document in", async () => {
    const change = (v: Json) => {
      schemas(v).KindEnum.enum = ["c", "a", "b"];
      listThings(v).parameters[2].schema.maximum = 50;
    };
    const reversed = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reversed).reverse()
        : value !== null && typeof value === "object"
          ? Object.fromEntries(Object.entries(value).reverse().map(([key, inner]) => [key, reversed(inner)]))
          : value;
    const first = await diff(await vendorFile(change));
    const second = await diff(
      await vendorFile((v) => {
        change(v);
        const everyOrderReversed = reversed(v) as Json;
        for (const key of Object.keys(v)) delete v[key];
        Object.assign(v, everyOrderReversed);
      }),
    );
    expect(first.lines).toHaveLength(3 + 3 + 7); // the heading, three operations, seven differences
    expect(second.stdout).toBe(first.stdout);
  });
});

describe("spec:vendor-diff with an allow file", () => {
  const vendorWithTwoChanges = () =>
    vendorFile((v) => {
      listThings(v).parameters[2].schema.maximum = 50;
      delete v.paths["/things/{id}"].get.responses["404"];
    });
  const pageLimit: Entry = {
    operation: "GET /things",
    at: "parameter per_page",
    aspect: "maximum",
    ours: 100,
    vendor: 50,
    reason: "We page further.",
  };
  const notFound: Entry = { operation: "GET /things/{id}", at: "response 404", aspect: "present", reason: "Observed." };

  it("accepts the differences it lists, each with its reason, and exits 0", async () => {
    const result = await diff(await vendorWithTwoChanges(), [pageLimit, notFound]);
    expect(result.lines).toEqual(["2 differences from the vendor's spec, 2 allowed by allow.yaml."]);
    expect(result.exitCode).toBe(0);
  });

  it("matches `*` against any text, and null against a side that documents nothing", async () => {
    const vendor = await vendorFile((v) => {
      delete listThings(v).responses["401"].content;
      v.paths["/things"].post.responses["409"].description = "Conflict.";
    });
    const errorBodies = { operation: "*", at: "response 4*", aspect: "content types", reason: "Error bodies." };
    const result = await diff(vendor, [{ ...errorBodies, ours: ["application/json"], vendor: null }]);
    expect(result.lines).toEqual(["1 differences from the vendor's spec, 1 allowed by allow.yaml."]);
    expect(result.exitCode).toBe(0);
  });

  it.each([
    ["the vendor's", { vendor: 60 }],
    ["our", { ours: 90 }],
  ])("reports a listed difference again when %s value changes, and the entry as stale", async (_, values) => {
    const result = await diff(await vendorWithTwoChanges(), [{ ...pageLimit, ...values }, notFound]);
    expect(result.lines).toEqual([
      "2 differences from the vendor's spec, 1 allowed by allow.yaml.",
      "",
      "Not allowed (1): fix the spec, or allow each with its reason in allow.yaml.",
      "GET /things",
      "  parameter per_page | maximum | ours 100 | vendor 50",
      "",
      "Stale allow entries, matching no difference (1): remove them from allow.yaml.",
      "  GET /things | parameter per_page | maximum (We page further.)",
    ]);
    expect(result.exitCode).toBe(1);
  });

  it("flags an entry that matches no difference any more as stale, and exits 1", async () => {
    const result = await diff(await vendorFile(), [notFound]);
    expect(result.lines).toEqual([
      "0 differences from the vendor's spec, 0 allowed by allow.yaml.",
      "",
      "Stale allow entries, matching no difference (1): remove them from allow.yaml.",
      "  GET /things/{id} | response 404 | present (Observed.)",
    ]);
    expect(result.exitCode).toBe(1);
  });

  it("refuses an entry without a reason, exiting 2", async () => {
    const { reason: _, ...withoutReason } = notFound;
    const result = await diff(await vendorFile(), [withoutReason as Entry]);
    expect(result.stderr).toMatch(/allow\.yaml: allowed\[0\] needs a "reason"/);
    expect(result.exitCode).toBe(2);
  });
});

describe("spec:vendor-diff reading the vendor's document", () => {
  let server: TestServer;
  beforeAll(async () => {
    const vendor = JSON.stringify(baseVendor);
    server = await startServer((request, response) => {
      if (request.url === "/spec.json") response.writeHead(200, { "content-type": "application/json" }).end(vendor);
      else response.writeHead(404, "Not Found").end();
    });
  });
  afterAll(() => server?.close());

  it("fetches it from a URL", async () => {
    const result = await diff(`${server.url}/spec.json`);
    expect(result.lines).toEqual(["0 differences from the vendor's spec, 0 allowed by allow.yaml."]);
    expect(result.exitCode).toBe(0);
  });

  it("exits 2, saying why, when it cannot get it", async () => {
    const result = await diff(`${server.url}/gone.json`);
    expect(result.stderr).toBe(`spec:vendor-diff: GET ${server.url}/gone.json answered 404 Not Found\n`);
    expect(result.exitCode).toBe(2);
  });

  it("exits 2 with the usage when --vendor is missing", async () => {
    const error = await run(process.execPath, [cli]).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 2, stderr: expect.stringContaining("Usage: pnpm spec:vendor-diff --vendor") });
  });
});
