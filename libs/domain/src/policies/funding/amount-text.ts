import { Fen, FEN_PER_WAN, fenToYuan } from '../../shared/money';

/** Money for messages: whole 万元 where it is one ('300万元'), else yuan ('1234.50元'). */
export const amountText = (fen: Fen): string =>
  fen % FEN_PER_WAN === 0 ? `${fen / FEN_PER_WAN}万元` : `${fenToYuan(fen)}元`;
