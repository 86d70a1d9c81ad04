import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsInt, Max, Min } from 'class-validator';
import { IsBusinessDate } from '@ledger/platform';

export class RecordAnnualReportDto {
  @ApiProperty({ example: 2019, description: 'the year the summary covers' })
  @IsInt()
  @Min(2000)
  @Max(9999)
  year!: number;

  @ApiProperty({ example: '2019-12-20' })
  @IsBusinessDate()
  submittedOn!: string;

  @ApiProperty({ description: 'the annual work summary (年度工作总结) is included' })
  @IsBoolean()
  summary!: boolean;

  @ApiProperty({ description: "next year's work plan (下一年度工作计划) is included" })
  @IsBoolean()
  plan!: boolean;
}
