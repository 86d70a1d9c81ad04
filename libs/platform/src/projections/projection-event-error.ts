/** A projection threw on one event: which one, and why. */
export class ProjectionEventError extends Error {
  constructor(
    readonly position: number,
    override readonly cause: unknown,
  ) {
    super(messageOf(cause));
  }
}

/** Runs a projection's function on one event, naming the event when it throws. */
export function onEvent<T>(event: { position: number }, work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw new ProjectionEventError(event.position, error);
  }
}

export const failingPosition = (error: unknown, done: number): number =>
  error instanceof ProjectionEventError ? error.position : done + 1;

export const causeOf = (error: unknown): unknown => (error instanceof ProjectionEventError ? error.cause : error);

export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
