import { recordCalled } from '@ledger/platform';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReconciliationRunDto } from './reconciliation-run.dto';
import { createHash } from 'node:crypto';
import { EventStore, expectedRevisionOf } from '@ledger/event-store';
import { isRejection } from '@ledger/domain/shared/decision';
import { QueryOptionsDto } from '../shared/query-options.dto';
import { reconciliationDecider } from '@ledger/domain/reconciliation/reconciliation.decider';
import { ReconciliationEvent } from '@ledger/domain/reconciliation/reconciliation.events';
import { ReconciliationState } from '@ledger/domain/reconciliation/reconciliation.state';
import { reconciliationStreamId } from '@ledger/domain/reconciliation/reconciliation.streams';
import { ReconciliationCommand } from '@ledger/domain/reconciliation/reconciliation.commands';
import { LedgerPayment } from '@ledger/domain/reconciliation/statement';
import {
  CommandMeta,
  CommandMetadata,
  CommandRunner,
  CurrentPrincipal,
  entityIdFor,
  Jurisdiction,
  outsideJurisdiction,
  Principal,
  EVENT_STORE,
  foldStream,
  MinPositionGuard,
  notFound,
  READ_STORE,
  ReadStore,
  ReadsProjections,
  RejectionException,
  Roles,
  toEventsToAppend,
} from '@ledger/platform';
import { BadRequestException } from '@nestjs/common';
import { ExportsAs } from '../exports/exports-as.decorator';
import { statementMatchingWorkbook } from '../exports/statement-matching.workbook';
import { CONSORTIA } from '../consortia/consortia.projection';
import { SUBSIDIES } from '../subsidies/subsidies.projection';
import { ledgerPayments } from './ledger-payments';
import { MatchStatementDto, ResolveDifferenceDto } from './match-statement.dto';
import { reconciliationRunView, ReconciliationRunView } from './reconciliation-run.view';
import { parseMapping, statementLayout } from './statement-columns';
import { readStatementFile, StatementProblem } from './statement-file';
import { statementLines } from './statement-lines';
import { addDays } from '@ledger/domain/shared/dates';
import { DATE_TOLERANCE_DAYS } from '@ledger/domain/reconciliation/statement-matching';
import { say } from '@ledger/domain/shared/sentence';

/**
 * Statement matching (issue 14, role finance): a payment statement against the ledger's disbursements. Served by the
 * projection app, which holds the disbursements (the `subsidies` read model); each run and each resolved difference
 * is recorded as an event on the run's stream (`reconciliation-<id>`), so a supervisor sees which statement was
 * matched when, by whom, and with what outcome, after any rebuild.
 */
@ApiTags('reconciliation')
@ApiBearerAuth()
@Controller('v1/reconciliations')
@UseGuards(MinPositionGuard)
@ReadsProjections(SUBSIDIES.name, CONSORTIA.name)
export class ReconciliationsHttpController {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CommandRunner) private readonly runner: CommandRunner,
  ) {}

  @Post()
  @Roles('finance')
  @ApiConsumes('multipart/form-data')
  @ExportsAs(statementMatchingWorkbook)
  @ApiOperation({
    operationId: 'matchStatement',
    summary:
      'Match a payment statement (CSV in UTF-8 or GBK, or XLSX) against the disbursements (ledger.statement-matching). Role finance.',
    description:
      'multipart/form-data: `file`, optional `from`/`to` (payment dates compared; default the first and last in the ' +
      'file), `fiscalYear` and `policy` (of the grants), `mapping` (JSON naming columns). Lines pair by voucher, else by ' +
      'amount + date ± 3 days + payee. 201 with `id`, `counts`, the lines of each kind and the totals in yuan and 万元; ' +
      'the run is recorded (StatementMatched). A file that cannot be read: 400 naming the line and column, nothing recorded.',
  })
  @ApiCreatedResponse({ type: ReconciliationRunDto })
  async match(
    @Body() dto: MatchStatementDto,
    @Query() _query: QueryOptionsDto, // minPosition: the disbursements it matches are read from the read model
    @CommandMeta() meta: CommandMetadata,
  ): Promise<ReconciliationRunView> {
    const statement = await readStatement(dto);
    const dates = statement.lines.map((line) => line.paidOn).sort();
    const from = dto.from ?? dates[0];
    const to = dto.to ?? dates[dates.length - 1];
    if (from > to) throw badRequest([{ problem: say`from (${from}) is after to (${to})` }]);
    const { jurisdiction } = meta;
    const scope = {
      from,
      to,
      ...(dto.fiscalYear !== undefined && { fiscalYear: dto.fiscalYear }),
      ...(dto.policy !== undefined && { policy: dto.policy }),
      ...(jurisdiction && { jurisdiction: [...jurisdiction.policies, ...jurisdiction.regions] }),
    };
    // Payments a few days beyond the period may pair with its first or last lines (± DATE_TOLERANCE_DAYS).
    const { payments, vouchers } = await ledgerPayments(this.readStore, {
      ...scope,
      from: addDays(from, -DATE_TOLERANCE_DAYS),
      to: addDays(to, DATE_TOLERANCE_DAYS),
      jurisdiction,
    });
    const reconciliationId = entityIdFor('reconciliation', meta.commandId);
    return this.decide({ type: 'MatchStatement', data: { reconciliationId, statement, scope } }, meta, {
      payments,
      ledgerVouchers: vouchers,
    });
  }

  @Get(':id')
  @Roles('finance', 'supervisor')
  @ApiOkResponse({ type: ReconciliationRunDto })
  @ExportsAs(statementMatchingWorkbook)
  @ApiOperation({
    operationId: 'getReconciliationRun',
    summary: 'A matching run again: who ran it when, the file it matched, every line and what was resolved since.',
  })
  async run(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<ReconciliationRunView> {
    const view = reconciliationRunView(await this.store.readStream(reconciliationStreamId(id)));
    if (!view || !withinJurisdiction(view, principal.jurisdiction)) throw notFound(recordCalled('reconciliation', id));
    return view;
  }

  @Post(':id/resolutions')
  @HttpCode(201)
  @Roles('finance')
  @ApiCreatedResponse({ type: ReconciliationRunDto })
  @ApiOperation({
    operationId: 'resolveDifference',
    summary: 'Mark one difference of a run resolved, with a note (ledger.difference-resolved). Role finance.',
    description: 'Body `{ item, note }`; a matched line or one resolved before: 422. Answers the run as GET does.',
  })
  async resolve(
    @Param('id') id: string,
    @Body() dto: ResolveDifferenceDto,
    @CommandMeta() meta: CommandMetadata,
  ): Promise<ReconciliationRunView> {
    const view = reconciliationRunView(await this.store.readStream(reconciliationStreamId(id)));
    if (view && !withinJurisdiction(view, meta.jurisdiction))
      throw outsideJurisdiction(meta.actor, meta.jurisdiction!, recordCalled('reconciliation', id));
    return this.decide(
      { type: 'ResolveDifference', data: { reconciliationId: id, item: dto.item, note: dto.note } },
      meta,
    );
  }

  /** load → decide → append on the run's stream, under its lock; the run as it then reads. */
  private decide(
    command: ReconciliationCommand,
    meta: CommandMetadata,
    ledger?: { payments: LedgerPayment[]; ledgerVouchers: string[] },
  ): Promise<ReconciliationRunView> {
    const streamId = reconciliationStreamId(command.data.reconciliationId);
    return this.runner.run([streamId], async (store) => {
      const { state, revision, recordedByCommandAt } = await foldStream<ReconciliationState, ReconciliationEvent>(
        store,
        streamId,
        reconciliationDecider.evolve,
        reconciliationDecider.initialState(),
        meta.commandId,
      );
      if (recordedByCommandAt === undefined) {
        const decision = reconciliationDecider.decide(command, state, { today: meta.today, ...ledger });
        if (isRejection(decision)) throw new RejectionException(decision);
        await store.appendToStreams([
          {
            streamId,
            expectedRevision: expectedRevisionOf(revision),
            events: toEventsToAppend(decision, meta, streamId),
          },
        ]);
      }
      return reconciliationRunView(await this.store.readStream(streamId))!;
    });
  }
}

async function readStatement(dto: MatchStatementDto) {
  try {
    const mapping = parseMapping(dto.mapping);
    const { format, rows } = await readStatementFile(dto.file);
    const layout = statementLayout(rows, mapping);
    return {
      fileSha256: createHash('sha256').update(dto.file).digest('hex'),
      format,
      columns: layout.columns,
      lines: statementLines(layout),
    };
  } catch (error) {
    if (error instanceof StatementProblem) throw badRequest(error.details);
    throw error;
  }
}

function badRequest(details: StatementProblem['details']): BadRequestException {
  return new BadRequestException({
    error: 'invalid-input',
    message: new StatementProblem(details).sentence,
    details,
  });
}

/**
 * A run is seen by users without a jurisdiction, and by users whose jurisdiction includes every scope the run was
 * made under (a run made without one compared every jurisdiction's payments: only unscoped users see it).
 */
function withinJurisdiction(run: ReconciliationRunView, jurisdiction: Jurisdiction | undefined): boolean {
  if (!jurisdiction) return true;
  const mine = [...jurisdiction.policies, ...jurisdiction.regions];
  return run.jurisdiction !== undefined && run.jurisdiction.every((scope) => mine.includes(scope));
}
