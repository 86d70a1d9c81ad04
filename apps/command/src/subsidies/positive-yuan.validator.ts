import { registerDecorator, ValidationOptions } from 'class-validator';
import { isYuanString, yuanToFen } from '@ledger/domain/shared/money';
import { POSITIVE_YUAN_SCHEMA, validatorSchema } from '@ledger/platform';

validatorSchema('isPositiveYuan', POSITIVE_YUAN_SCHEMA);

/** Money in that must be more than nothing: a string of yuan with at most two decimals, above "0.00". */
export const IsPositiveYuan =
  (options?: ValidationOptions): PropertyDecorator =>
  (target, propertyName) =>
    registerDecorator({
      name: 'isPositiveYuan',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: `${String(propertyName)} must be a positive string of yuan with at most two decimals, e.g. "3000000.00"`,
        ...options,
      },
      validator: { validate: (value: unknown) => isYuanString(value) && yuanToFen(value) > 0 },
    });
