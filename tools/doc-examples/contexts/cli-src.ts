// The TSDoc examples of @grantkit/cli's engine: its functions, imported.
import { readGrantsFile } from "@grantkit/cli";
