import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsBusinessDate, Optional } from '@ledger/platform';

/** A second finance user's approval or refusal of a pending grant (ledger.dual-control). */
export class SecondSignatureDto {
  @ApiProperty({ example: '2025-11-05' })
  @IsBusinessDate()
  on!: string;

  @ApiPropertyOptional({ example: '经复核同意' })
  @Optional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note?: string;
}
