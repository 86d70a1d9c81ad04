/**
 * A value the compiler is told to take as a `T` though it is not one: what reaches the domain from outside (an HTTP
 * body, a stored log, a caller's bug) where the types no longer vouch for it. Specs pass it to `decide`, `evolve` or
 * a lookup to show the domain checks its input at run time: it answers invalid-input, throws, or leaves the state
 * alone, as each says. The one place a spec lies to the type checker, and says so: no cast to `never`, no `any`.
 */
export function malformed<T>(value: unknown): T {
  return value as T;
}
