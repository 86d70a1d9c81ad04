import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsBusinessDate } from '@ledger/platform';
import { ZONE_GRADES, ZoneGrade } from '@ledger/domain/zone/zone.commands';

export class RecordZoneEvaluationDto {
  @ApiProperty({
    example: '2025-12-10',
    description: 'the date of the evaluation; evaluations are recorded in date order',
  })
  @IsBusinessDate()
  on!: string;

  @ApiProperty({ enum: ZONE_GRADES, description: '优秀 / 合格 / 不合格' })
  @IsIn(ZONE_GRADES, { message: `grade must be one of ${ZONE_GRADES.join(', ')}` })
  grade!: ZoneGrade;
}
