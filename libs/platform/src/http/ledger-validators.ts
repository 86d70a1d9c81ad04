import { registerDecorator, ValidationOptions } from 'class-validator';
import { isValidCreditCode } from '@ledger/domain/shared/credit-code';
import { isBusinessDate } from '@ledger/domain/shared/dates';
import { isYuanString } from '@ledger/domain/shared/money';

/** A class-validator property decorator from a test and a message naming the property. */
export function validationRule(name: string, test: (value: unknown) => boolean, message: (property: string) => string) {
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

const rule = (name: string, test: (value: unknown) => boolean, predicate: string) =>
  validationRule(name, test, (property) => `${property} ${predicate}`);

/** Money in: a string of yuan with at most two decimals, "3000000" or "3000000.00". */
export const IsYuan = rule(
  'isYuan',
  isYuanString,
  'must be a string of yuan with at most two decimals, e.g. "3000000.00"',
);

/** A unified social credit code (GB 32100-2015) whose check character is right. */
export const IsCreditCode = rule(
  'isCreditCode',
  isValidCreditCode,
  'must be an 18-character unified social credit code with a valid check character',
);

/** A business date, YYYY-MM-DD, that exists in the calendar. */
export const IsBusinessDate = rule('isBusinessDate', isBusinessDate, 'must be a date written YYYY-MM-DD');
