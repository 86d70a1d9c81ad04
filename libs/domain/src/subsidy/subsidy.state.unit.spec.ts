import { wan } from '../shared/money';
import { grant, recorded } from './subsidy.fixtures';
import { evolve, initialState, subsidyIn } from './subsidy.state';

describe('subsidyIn: a subsidy of the ledger state, by id', () => {
  const state = recorded([grant('S-1', 'tianjin.filing', wan(50))]).reduce(evolve, initialState());

  it('finds a subsidy the state holds', () => {
    expect(subsidyIn(state, 'S-1')).toBe(state.subsidies['S-1']);
    expect(subsidyIn(state, 'S-1')?.exists).toBe(true);
  });

  it('finds none for an id the state does not hold, nor in a state without subsidies', () => {
    expect(subsidyIn(state, 'S-2')).toBeUndefined();
    expect(subsidyIn(initialState(), 'S-1')).toBeUndefined();
  });
});
