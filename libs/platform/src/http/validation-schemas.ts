import type { SchemaObject } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

/**
 * The OpenAPI schema as strict as the server: what class-validator checks on a DTO property (the one source of truth)
 * is written into the property's @ApiProperty metadata before the document is built — integers as `integer`, lengths,
 * bounds, enums, and the ledger's own validators' patterns and formats (registered with `validatorSchema`).
 */
const VALIDATOR_SCHEMAS = new Map<string, SchemaObject>();

/** The schema a custom validator (by its class-validator name) promises of the values it accepts. */
export function validatorSchema(name: string, schema: SchemaObject): void {
  VALIDATOR_SCHEMAS.set(name, schema);
}

const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';

function fragmentOf(metadata: ValidationMetadata): SchemaObject | undefined {
  const [first, second] = (metadata.constraints ?? []) as unknown[];
  switch (metadata.name) {
    case 'isInt':
      return { type: 'integer' };
    case 'isBoolean':
      return { type: 'boolean' };
    case 'isString':
      return { type: 'string' };
    case 'min':
      return { minimum: first as number };
    case 'max':
      return { maximum: first as number };
    case 'maxLength':
      return { maxLength: first as number };
    case 'minLength':
      return { minLength: first as number };
    case 'isNotEmpty':
      return { minLength: 1 };
    case 'isIn':
      return { enum: first as unknown[] };
    case 'matches':
      return { pattern: (first as RegExp).source ?? String(first) };
    case 'arrayMinSize':
      return { minItems: first as number };
    case 'arrayMaxSize':
      return { maxItems: first as number };
    case 'length':
      return { minLength: first as number, ...(second !== undefined && { maxLength: second as number }) };
    default:
      return metadata.name ? VALIDATOR_SCHEMAS.get(metadata.name) : undefined;
  }
}

/** Keys the DTO's own @ApiProperty set win, except a `number` that class-validator knows to be an integer. */
function merged(existing: Record<string, unknown>, fragment: SchemaObject, isArray: boolean): Record<string, unknown> {
  const out = { ...existing };
  for (const [key, value] of Object.entries(fragment)) {
    if (key === 'type') {
      if (isArray) continue;
      const current = existing.type;
      const replaceable =
        current === undefined || current === Number || current === String || current === Boolean || current === Object;
      if (replaceable || (current === 'number' && value === 'integer')) out.type = value;
    } else if (key === 'minLength' && isArray) {
      continue;
    } else if (out[key] === undefined) {
      out[key] = value;
    }
  }
  return out;
}

/** Every class class-validator knows of whose properties @ApiProperty describes: its properties made as strict as it. */
export function schemasFromValidation(): Set<string> {
  const storage = getMetadataStorage() as unknown as {
    validationMetadatas: Map<abstract new () => object, ValidationMetadata[]>;
  };
  const inputs = new Set<string>();
  for (const [target, metadatas] of storage.validationMetadatas) {
    if (typeof target !== 'function') continue;
    inputs.add(target.name);
    for (const metadata of metadatas) {
      if (metadata.each) continue;
      const fragment = fragmentOf(metadata);
      if (!fragment) continue;
      const prototype = target.prototype as object;
      const existing = Reflect.getMetadata(API_MODEL_PROPERTIES, prototype, metadata.propertyName) as
        Record<string, unknown> | undefined;
      if (!existing) continue;
      const isArray = existing.isArray === true || Array.isArray(existing.type);
      Reflect.defineMetadata(
        API_MODEL_PROPERTIES,
        merged(existing, fragment, isArray),
        prototype,
        metadata.propertyName,
      );
    }
  }
  return inputs;
}
