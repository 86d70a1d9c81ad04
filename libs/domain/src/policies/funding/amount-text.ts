import { Fen, FEN_PER_WAN, fenToYuan, isYuanString, yuanToFen } from '../../shared/money';

/** Money for messages: whole 万元 where it is one ('300万元'), else yuan ('1234.50元'). */
export const amountText = (fen: Fen): string =>
  fen % FEN_PER_WAN === 0 ? `${fen / FEN_PER_WAN}万元` : `${fenToYuan(fen)}元`;

/** The fen an `amountText` names ('300万元' → 300万 in fen), or undefined for any other text. */
export function amountOfText(text: unknown): Fen | undefined {
  if (typeof text !== 'string' || !text.endsWith('元')) return undefined;
  const wan = /^(0|[1-9]\d*)万元$/.exec(text);
  if (wan) return Number(wan[1]) * FEN_PER_WAN;
  const yuan = text.slice(0, -1);
  return isYuanString(yuan) ? yuanToFen(yuan) : undefined;
}
