import { say } from '@ledger/domain/shared/sentence';
import { BadRequestException } from '@nestjs/common';
import { DocumentPage, DocumentQuery, InvalidCursorError, ReadStore } from '@ledger/platform';

/** What a list asks for: a page by `cursor` (keyset) when it has one, else by `offset`. */
export interface ListPage {
  limit: number;
  offset: number;
  cursor?: string;
}

/**
 * A page of a list. With a cursor the page is read off the index from where the previous one ended, so it costs what
 * it holds however deep it is; an offset (kept for clients that use it) costs what it skips too.
 */
export async function findPage<State>(
  readStore: ReadStore,
  projection: string,
  query: Omit<DocumentQuery, 'limit' | 'offset' | 'after'>,
  page: ListPage,
): Promise<DocumentPage<State>> {
  try {
    return await readStore.findDocuments<State>(projection, {
      ...query,
      limit: page.limit,
      ...(page.cursor !== undefined ? { after: page.cursor } : { offset: page.offset }),
    });
  } catch (error) {
    if (!(error instanceof InvalidCursorError)) throw error;
    throw new BadRequestException({
      error: 'invalid-input',
      message: say`cursor must be the \`next\` of a page of this list`,
      details: [{ field: 'cursor', problems: [say`is not the next of a page of this list`] }],
    });
  }
}
