import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';

/**
 * How the answers' recurring kinds of value read in the OpenAPI document, so every answer DTO says them alike: business
 * dates as `format: date`, money out as yuan strings with two decimals, counts and positions as integers.
 */
export const YUAN_OUT_PATTERN = '^-?(0|[1-9]\\d*)\\.\\d{2}$';

type Options = ApiPropertyOptions & { optional?: boolean; nullable?: boolean };

const property = (schema: Record<string, unknown>, { optional, ...options }: Options = {}) =>
  ApiProperty({ ...schema, ...options, required: !optional } as ApiPropertyOptions);

/** A property of a schema written out (maps, unions, JSON values) where the decorators' options have no spelling for it. */
export const SchemaProperty = (schema: Record<string, unknown>, options?: Options) => property(schema, options);
/** A business date, YYYY-MM-DD. */
export const DateProperty = (options?: Options) => property({ type: 'string', format: 'date' }, options);
/** A moment the ledger recorded, ISO 8601 UTC. */
export const TimestampProperty = (options?: Options) => property({ type: 'string', format: 'date-time' }, options);
/** Money as the API shows it: yuan with two decimals, "3000000.00". */
export const YuanProperty = (options?: Options) =>
  property({ type: 'string', pattern: YUAN_OUT_PATTERN, example: '3000000.00' }, options);
/** A whole number. */
export const IntegerProperty = (options?: Options) => property({ type: 'integer' }, options);
/** The global log position of the last event the answer reflects. */
export const PositionProperty = (options?: Options) =>
  property({ type: 'integer', minimum: 0, description: 'the global log position of its last event' }, options);
/** An object whose fields the answer's description names (events' data, for instance: as recorded). */
export const ObjectProperty = (options?: Options) => property({ type: 'object' }, options);
/**
 * A value that is any JSON by design, named in the answer's description: a policy parameter's value, an event's data as
 * recorded (its type's schema is the event catalogue's), a field's old and new value in a diff. `x-json-value` marks it
 * so, and the contract test accepts no other untyped value.
 */
export const JsonValueProperty = (options?: Options) =>
  property(
    {
      anyOf: [
        { type: 'string', nullable: true },
        { type: 'number' },
        { type: 'boolean' },
        { type: 'array', items: { 'x-json-value': true } },
        { type: 'object', additionalProperties: { 'x-json-value': true } },
      ],
      'x-json-value': true,
    },
    options,
  );

/** An event's data as recorded, money as yuan: the event catalogue types it, not the OpenAPI document. */
export const EVENT_DATA_SCHEMA = {
  type: 'object',
  additionalProperties: { 'x-json-value': true },
  'x-json-value': true,
  description: 'the event’s data as recorded, money as yuan (its type’s fields: the event catalogue, API.md)',
} as const;
