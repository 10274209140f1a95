/** Typed result for expected failures: services return these instead of throwing. */
export type Ok<T> = { ok: true; value: T };
export type Err<E> = { ok: false; error: E };
export type Result<T, E> = Ok<T> | Err<E>;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const err = <E>(error: E): Err<E> => ({ ok: false, error });

/** The success value type of an async service returning a Result. */
export type OkValue<F extends (...args: never[]) => Promise<Result<unknown, unknown>>> = Extract<
  Awaited<ReturnType<F>>,
  { ok: true }
>['value'];
