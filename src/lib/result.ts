/** Typed result for expected failures: services return these instead of throwing. */
export type Ok<T> = { ok: true; value: T };
export type Err<E> = { ok: false; error: E };
export type Result<T, E> = Ok<T> | Err<E>;

/** Services and loaders return success as a value, so callers check ok before using it. */
export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
/** Expected failures (NotFound, bad input) are values, so routes map them to 404 or 400. */
export const err = <E>(error: E): Err<E> => ({ ok: false, error });

/** The success value type of an async service returning a Result. */
export type OkValue<F extends (...args: never[]) => Promise<Result<unknown, unknown>>> = Extract<
  Awaited<ReturnType<F>>,
  { ok: true }
>['value'];
