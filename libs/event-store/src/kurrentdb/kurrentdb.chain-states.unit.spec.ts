import { GENESIS_STATE } from './kurrentdb.chain';
import { ChainStates } from './kurrentdb.chain-states';

const state = (count: number, position: number) => ({ count, position, hash: String(count).padStart(64, '0') });

describe('known chain states', () => {
  it('answers the latest state strictly before a position, the genesis when none is known', () => {
    const states = new ChainStates();
    states.addHead(state(10, 5_000));
    states.remember(state(3, 1_200));
    states.remember(state(12, 6_100));

    expect(states.before(1_000)).toEqual(GENESIS_STATE);
    expect(states.before(1_200)).toEqual(GENESIS_STATE);
    expect(states.before(1_201)).toEqual(state(3, 1_200));
    expect(states.before(5_000)).toEqual(state(3, 1_200));
    expect(states.before(6_000)).toEqual(state(10, 5_000));
    expect(states.before(9_999)).toEqual(state(12, 6_100));
    expect(states.at(5_000)).toEqual(state(10, 5_000));
    expect(states.at(5_001)).toBeUndefined();
  });

  it('forgets computed states oldest first beyond its capacity, never the heads', () => {
    const states = new ChainStates(2);
    states.addHead(state(1, 100));
    states.remember(state(2, 200));
    states.remember(state(3, 300));
    states.remember(state(4, 400));

    expect(states.at(100)).toBeDefined();
    expect(states.at(200)).toBeUndefined();
    expect(states.at(300)).toBeDefined();
    expect(states.at(400)).toBeDefined();
    expect(states.size).toBe(4); // the genesis, the head and two computed states
  });

  it('refuses a state that contradicts one known at the same position: the log or the heads changed', () => {
    const states = new ChainStates();
    states.addHead(state(10, 5_000));

    expect(() => states.remember({ ...state(10, 5_000), hash: 'f'.repeat(64) })).toThrow(/changed/);
    expect(() => states.addHead(state(11, 5_000))).toThrow(/changed/);
    expect(() => states.remember(state(10, 5_000))).not.toThrow();
  });
});
