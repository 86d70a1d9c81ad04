import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsOptional } from 'class-validator';

/** An optional query parameter; `?policy=` (empty) means absent, as in API.md's own examples (`?policy=&status=`). */
export const OptionalQuery = () =>
  applyDecorators(
    Transform(({ value, obj, key }: { value: unknown; obj: Record<string, unknown>; key: string }) =>
      obj[key] === '' ? undefined : value,
    ),
    IsOptional(),
  );
