/** What {@link deadline} resolves with when its time is up. */
export const TIMED_OUT = Symbol("timed out");

const NEVER = new Promise<never>(() => {});

/**
 * `work`, bounded: it resolves with `work`'s result, with {@link TIMED_OUT} once `ms` have passed (no timer when
 * `ms` is undefined), or rejects with `signal`'s reason as soon as it aborts. When it ends early, `controller` (the
 * one whose signal `work` was given) is aborted, so a fetch stops. It leaves no timer or listener behind. The one
 * helper for an attempt's timeout, a token that may never come, and the wait before a retry.
 */
export function deadline<T>(
  work: Promise<T>,
  signal: AbortSignal | undefined,
  ms?: number,
  controller?: AbortController,
): Promise<T | typeof TIMED_OUT> {
  if (signal?.aborted) {
    // `work` has started: stop it, and let its rejection be handled here rather than nowhere.
    controller?.abort(signal.reason);
    work.catch(() => undefined);
    return Promise.reject(abortReason(signal));
  }
  if (signal === undefined && ms === undefined) return work;
  return new Promise((resolve, reject) => {
    const finish = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    };
    const onAbort = () => {
      finish();
      controller?.abort(signal?.reason);
      reject(abortReason(signal!));
    };
    const timer =
      ms === undefined
        ? undefined
        : setTimeout(() => {
            finish();
            controller?.abort();
            resolve(TIMED_OUT);
          }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
    work.then(
      (value) => {
        finish();
        resolve(value);
      },
      (error: unknown) => {
        finish();
        reject(error);
      },
    );
  });
}

/** Resolves after `ms`, or rejects with `signal`'s reason as soon as it aborts. */
export async function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  await deadline(NEVER, signal, ms);
}

/**
 * The reason a call was aborted with, never falsy: openapi-fetch takes a falsy rejection for no error at all (and
 * then reads a response that does not exist).
 */
export function abortReason(signal: AbortSignal): unknown {
  return signal.reason || new DOMException("The operation was aborted.", "AbortError");
}
