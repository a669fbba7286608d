import { jsonAnswer, type Answer } from "./answer.js";
import type { FakeTenant } from "./fake-tenant.js";
import type { Fault } from "./faults.js";
import type { FakeSeed } from "./state.js";

/** The control routes' answer to a request they cannot act on: 400 with the reason, as plain JSON. */
const badRequest = (message: string): Answer => jsonAnswer(400, { error: message });

function parsed(bodyText: string): unknown {
  try {
    return JSON.parse(bodyText);
  } catch {
    throw new TypeError("the body must be JSON");
  }
}

/**
 * The routes under `/__grantkit/` that drive a fake from outside its APIs (a test in another language, a demo):
 * `GET`/`PUT /__grantkit/state`, `POST /__grantkit/reset`, `PUT`/`DELETE /__grantkit/faults`, and the request log,
 * `GET /__grantkit/requests`. They are never rate limited, faulted or logged.
 */
export function serveControl(fake: FakeTenant, method: string, pathname: string, bodyText: string): Answer {
  try {
    switch (`${method} ${pathname}`) {
      case "GET /__grantkit/state":
        return jsonAnswer(200, fake.state());
      case "PUT /__grantkit/state":
        fake.replaceState(parsed(bodyText) as FakeSeed);
        return jsonAnswer(204, undefined);
      case "POST /__grantkit/reset":
        fake.reset();
        return jsonAnswer(204, undefined);
      case "PUT /__grantkit/faults":
        fake.setFaults(parsed(bodyText) as Fault[]);
        return jsonAnswer(204, undefined);
      case "DELETE /__grantkit/faults":
        fake.clearFaults();
        return jsonAnswer(204, undefined);
      case "GET /__grantkit/requests":
        return jsonAnswer(200, fake.requests);
      default:
        return jsonAnswer(404, { error: `No control route ${method} ${pathname}` });
    }
  } catch (error) {
    return badRequest(error instanceof Error ? error.message : String(error));
  }
}
