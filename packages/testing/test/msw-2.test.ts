import { setupServer } from "msw-2/node";
import { vi } from "vitest";
import { mswSuite } from "./support/msw-suite.js";

// The handlers import "msw": here that is msw 2, as it is for a user who has not moved to msw 3.
vi.mock("msw", async () => await import("msw-2"));

mswSuite("msw 2", setupServer);
