import { Body, Controller, Param, PipeTransform, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ConsortiumAnswerDto } from '@ledger/presentation/consortium.view.dto';
import { say } from '@ledger/domain/shared/sentence';
import { CommandMeta, CommandMetadata, invalidInput, Roles } from '@ledger/platform';
import { ConsortiumCommandMessage } from '../consortium-command.message';
import { ResolveObjectionDto } from './resolve-objection.dto';

/** `{n}`: an objection's number, as the consortium counts them from 1, in decimal digits (no sign, point or exponent). */
const OBJECTION_NUMBER = /^[1-9][0-9]{0,8}$/;

/**
 * Checks `{n}` as sent: the parameter is declared a string so that the global validation pipe does not first turn
 * `1e3` into 1000, or `-1` into -1, as it does a number's.
 */
class ObjectionNumberPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (OBJECTION_NUMBER.test(value)) return value;
    throw invalidInput([{ field: 'n', problems: [say`n must be an objection's number: 1, 2, 3…`] }]);
  }
}

@ApiTags('consortia')
@ApiBearerAuth()
@Controller('v1/consortia')
export class ResolveObjectionHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/objections/:n/resolution')
  @Roles('officer')
  @ApiCreatedResponse({ type: ConsortiumAnswerDto })
  @ApiParam({ name: 'n', schema: { type: 'integer', minimum: 1 }, description: "the objection's number, from 1" })
  @ApiOperation({ summary: 'Resolve objection n: upheld (approval will refuse) or dismissed.' })
  handle(
    @Param('id') id: string,
    @Param('n', ObjectionNumberPipe) n: string,
    @Body() dto: ResolveObjectionDto,
    @CommandMeta() meta: CommandMetadata,
  ) {
    return this.commandBus.execute(
      new ConsortiumCommandMessage(
        { type: 'ResolveObjection', data: { consortiumId: id, n: Number(n), on: dto.on, outcome: dto.outcome } },
        meta,
      ),
    );
  }
}
