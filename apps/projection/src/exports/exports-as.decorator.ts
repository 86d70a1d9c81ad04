import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata, UseInterceptors } from '@nestjs/common';
import { ApiProduces } from '@nestjs/swagger';
import { ExportWorkbook } from '@ledger/presentation/exports';
import { EXPORT_MEDIA_TYPES, ExportRequest } from './export-format';
import { ExportInterceptor, WORKBOOK_OF } from './export.interceptor';

/**
 * The route also answers CSV and XLSX: `workbookOf` turns its JSON answer into the sheets (export-format.ts negotiates,
 * export.interceptor.ts sends the file).
 */
export const ExportsAs = <Answer>(workbookOf: (answer: Answer) => ExportWorkbook) =>
  applyDecorators(
    SetMetadata(WORKBOOK_OF, workbookOf),
    UseInterceptors(ExportInterceptor),
    ApiProduces(...EXPORT_MEDIA_TYPES),
  );

/** The export this request asks for (undefined: JSON), for a list that exports every item instead of one page. */
export const ExportRequested = createParamDecorator(
  (_data: unknown, context: ExecutionContext): ExportRequest | undefined =>
    context.switchToHttp().getRequest<{ ledgerExport?: ExportRequest }>().ledgerExport,
);
