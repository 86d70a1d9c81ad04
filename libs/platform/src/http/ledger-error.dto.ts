import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

/** Every `error` code an answer can carry (API.md, "Errors"); the OpenAPI document lists them as an enum. */
export const LEDGER_ERROR_CODES = [
  'invalid-input',
  'unauthorized',
  'forbidden',
  'not-found',
  'method-not-allowed',
  'conflict',
  'rule-violated',
  'cap-exceeded',
  'policy-not-in-force',
  'invalid-state',
  'idempotency-key-reused',
  'projection-lagging',
  'unavailable',
  'internal',
  'error',
] as const;

const YUAN_OUT = '^-?(0|[1-9]\\d*)\\.\\d{2}$';

/**
 * The error envelope as the exception filter writes it (ledger-error-body.ts): `{ error, message, rule?, citation?,
 * details? }`, plus the cap's figures on `cap-exceeded` and the positions on `projection-lagging`.
 */
@ApiSchema({ name: 'LedgerError' })
export class LedgerErrorDto {
  @ApiProperty({ enum: LEDGER_ERROR_CODES, description: 'what kind of error, for programs' })
  error!: string;

  @ApiProperty({ description: 'a readable sentence, for people' })
  message!: string;

  @ApiPropertyOptional({ description: 'the rule that refused (POLICIES.md)', example: 'liaoning.mengzhu-annual-cap' })
  rule?: string;

  @ApiPropertyOptional({ description: "the rule's clause" })
  citation?: string;

  @ApiPropertyOptional({
    description:
      'invalid-input: one `{ field, problems }` per bad field; cap-exceeded: every cap checked; approval: every unmet rule',
    type: 'array',
    items: { type: 'object' },
  })
  details?: object[];

  @ApiPropertyOptional({ description: 'cap-exceeded: the cap, yuan', pattern: YUAN_OUT })
  limit?: string;

  @ApiPropertyOptional({ description: 'cap-exceeded: used before this request, yuan', pattern: YUAN_OUT })
  used?: string;

  @ApiPropertyOptional({ description: 'cap-exceeded: asked for, yuan', pattern: YUAN_OUT })
  requested?: string;

  @ApiPropertyOptional({ description: 'cap-exceeded: what was left, yuan', pattern: YUAN_OUT })
  headroom?: string;

  @ApiPropertyOptional({ type: 'integer', description: 'projection-lagging: the position asked for' })
  minPosition?: number;

  @ApiPropertyOptional({ type: 'integer', description: 'projection-lagging: the position the read model reached' })
  reached?: number;
}
