import type { SchemaObject } from '@nestjs/swagger';
import { registerDecorator, ValidateIf, ValidationOptions } from 'class-validator';
import { CREDIT_CODE_SHAPE, isValidCreditCode } from '@ledger/domain/shared/credit-code';
import { isBusinessDate } from '@ledger/domain/shared/dates';
import { isYuanString, YUAN_PATTERN } from '@ledger/domain/shared/money';
import { validatorSchema } from './validation-schemas';

/**
 * A class-validator property decorator from a test and a message naming the property; `schema`, what the OpenAPI
 * document promises of the values it accepts (validation-schemas.ts).
 */
export function validationRule(
  name: string,
  test: (value: unknown) => boolean,
  message: (property: string) => string,
  schema?: SchemaObject,
) {
  if (schema) validatorSchema(name, schema);
  return (options?: ValidationOptions): PropertyDecorator =>
    (target, propertyName) =>
      registerDecorator({
        name,
        target: target.constructor,
        propertyName: propertyName as string,
        options: { message: message(String(propertyName)), ...options },
        validator: { validate: test },
      });
}

/**
 * The field may be left out. `null` is not leaving it out: the field's own rules refuse it, naming the field
 * (class-validator's IsOptional lets null past every rule, and a mapper reading the field then took it for a value).
 */
export const Optional = (): PropertyDecorator => ValidateIf((_object, value) => value !== undefined);

const rule = (name: string, test: (value: unknown) => boolean, predicate: string, schema: SchemaObject) =>
  validationRule(name, test, (property) => `${property} ${predicate}`, schema);

/** Yuan in: digits, at most two decimals, no sign or exponent. */
export const YUAN_SCHEMA: SchemaObject = { type: 'string', pattern: YUAN_PATTERN.source, maxLength: 20 };
/** Yuan in, above nothing. */
export const POSITIVE_YUAN_SCHEMA: SchemaObject = {
  ...YUAN_SCHEMA,
  pattern: `^(?!0+(\\.0+)?$)${YUAN_PATTERN.source.slice(1)}`,
};

/** Money in: a string of yuan with at most two decimals, "3000000" or "3000000.00". */
export const IsYuan = rule(
  'isYuan',
  isYuanString,
  'must be a string of yuan with at most two decimals, e.g. "3000000.00"',
  YUAN_SCHEMA,
);

/** A unified social credit code (GB 32100-2015) whose check character is right. */
export const IsCreditCode = rule(
  'isCreditCode',
  isValidCreditCode,
  'must be an 18-character unified social credit code with a valid check character',
  { type: 'string', pattern: CREDIT_CODE_SHAPE.source, minLength: 18, maxLength: 18, example: '91210100MA0000001G' },
);

/** A business date, YYYY-MM-DD, that exists in the calendar. */
export const IsBusinessDate = rule('isBusinessDate', isBusinessDate, 'must be a date written YYYY-MM-DD', {
  type: 'string',
  format: 'date',
});
