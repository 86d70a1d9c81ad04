import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsBusinessDate } from '@ledger/platform';

export class ContinueSubsidyDto {
  @ApiProperty({ example: '2025-09-01', description: 'The day the authority decided.' })
  @IsBusinessDate()
  on!: string;

  @ApiProperty({ example: '内蒙古自治区科学技术厅', description: "The project's managing authority (项目主管部门)." })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  authority!: string;

  @ApiProperty({ example: '内科发〔2025〕12号', description: "The decision's document number." })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  reference!: string;
}
