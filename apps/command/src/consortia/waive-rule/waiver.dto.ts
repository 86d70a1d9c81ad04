import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** A 原则上 rule set aside for one consortium (ledger.waivers): in the filing body, or on its own with a date. */
export class WaiverDto {
  @ApiProperty({
    example: 'nmg.members-min',
    description: 'a rule whose clause says 原则上 (GET /v1/policies: waivable)',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  rule!: string;

  @ApiProperty({ example: '产业链上游单位不足10家,经厅务会研究同意' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;

  @ApiProperty({ example: '内科发〔2025〕31号', description: "the approving document's number" })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  reference!: string;
}
