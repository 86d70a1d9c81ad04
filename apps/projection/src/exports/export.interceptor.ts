import { CallHandler, ExecutionContext, Injectable, NestInterceptor, StreamableFile } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { csvOf, ExportWorkbook, xlsxOf } from '@ledger/presentation/exports';
import { renderSentences } from '@ledger/presentation/sentences/render-words';
import { from, mergeMap, Observable } from 'rxjs';
import { CSV_MEDIA_TYPE, ExportRequest, exportRequestOf, XLSX_MEDIA_TYPE } from './export-format';

/** The route's JSON answer as a workbook (set by @ExportsAs). */
export type WorkbookOf = (answer: never) => ExportWorkbook;
export const WORKBOOK_OF = Symbol('workbook-of');

interface ExportingRequest {
  headers: Record<string, string | string[] | undefined>;
  /** Set before the handler runs, for handlers that answer every item of an export rather than a page. */
  ledgerExport?: ExportRequest;
}

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(',') : value);

/**
 * Every export goes through here: the handler answers JSON as always; when `Accept` asks for CSV or XLSX, its answer
 * becomes the route's workbook and that is sent as a file, with its type and name.
 */
@Injectable()
export class ExportInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const workbookOf = this.reflector.get<WorkbookOf | undefined>(WORKBOOK_OF, context.getHandler());
    const request = context.switchToHttp().getRequest<ExportingRequest>();
    const wanted = exportRequestOf(header(request.headers.accept), header(request.headers['accept-language']));
    if (!workbookOf || !wanted) return next.handle();
    request.ledgerExport = wanted;
    // The answer's words in its language, rendered as a JSON answer's are (answer-language.ts, renderSentences), before
    // the workbook is made of it: a cell holding part of the answer as JSON text (an audit trail's `data`) is then the
    // very JSON the same query answers, rendered sentences and all, never the sentences' templates.
    const worded = (answer: unknown) => workbookOf(renderSentences(answer, wanted.language) as never);
    return next.handle().pipe(mergeMap((answer) => from(fileOf(worded(answer), wanted))));
  }
}

async function fileOf(workbook: ExportWorkbook, { format, language }: ExportRequest): Promise<StreamableFile> {
  const [content, type] =
    format === 'csv'
      ? [Buffer.from(csvOf(workbook.sheets[0], language), 'utf8'), `${CSV_MEDIA_TYPE}; charset=utf-8`]
      : [await xlsxOf(workbook, language), XLSX_MEDIA_TYPE];
  // A file with its type and name: Nest sets the headers whichever HTTP adapter answers.
  return new StreamableFile(content, {
    type,
    disposition: `attachment; filename="${workbook.fileName}.${format}"`,
    length: content.length,
  });
}
