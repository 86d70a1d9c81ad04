/** A domain event: a plain, serialisable value with a type tag (Emmett's shape). */
export interface DomainEvent<Type extends string = string, Data extends object = object> {
  type: Type;
  data: Data;
}

/** A command: a plain value with a type tag. */
export interface DomainCommand<Type extends string = string, Data extends object = object> {
  type: Type;
  data: Data;
}
