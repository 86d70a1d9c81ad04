/**
 * Stored events are forever: an event keeps the shape (schema version) it was written with, and is read in today's
 * shape through upcasters, one step at a time (version n → n + 1). Every module lists its upcasters beside its events;
 * `ledger-events.ts` gathers them.
 */
export interface Upcaster {
  type: string;
  /** The version this step reads; it answers version `from + 1`. */
  from: number;
  upcast(data: Record<string, unknown>): Record<string, unknown>;
}

export interface EventSchemas {
  /** The version new events of this type are written with (1 unless an upcaster reads an older one). */
  currentVersion(type: string): number;
  /** Data written with `version`, in today's shape. */
  upcast(type: string, version: number, data: Record<string, unknown>): Record<string, unknown>;
}

export function eventSchemas(upcasters: ReadonlyArray<Upcaster>): EventSchemas {
  const steps = new Map<string, Map<number, Upcaster>>();
  for (const step of upcasters) {
    const byVersion = steps.get(step.type) ?? new Map<number, Upcaster>();
    if (byVersion.has(step.from)) throw new Error(`two upcasters read ${step.type} version ${step.from}`);
    steps.set(step.type, byVersion.set(step.from, step));
  }
  // Asked once per event read (a rebuild: a million times), so worked out once per type.
  const current = new Map<string, number>();
  for (const [type, byVersion] of steps) current.set(type, Math.max(...byVersion.keys()) + 1);
  const currentVersion = (type: string): number => current.get(type) ?? 1;
  return {
    currentVersion,
    upcast(type, version, data) {
      const byVersion = steps.get(type);
      let upcasted = data;
      for (let v = version; byVersion?.has(v); v++) upcasted = byVersion.get(v)!.upcast(upcasted);
      return upcasted;
    },
  };
}
