/**
 * The suite every event-store adapter runs (SQLite, PostgreSQL, KurrentDB). Not exported from the
 * package index: it declares jest suites.
 *
 *   eventStoreContract('SqliteEventStore', async () => ({ store, reopen, tamper, cleanup }));
 *
 * `makeStore` is called before each test and must answer a store over an empty log.
 */
import { concurrencyContract } from './contract/concurrency.contract';
import {
  ALL_CAPABILITIES,
  ContractCapabilities,
  ContractContext,
  ContractHarness,
  MakeContractHarness,
} from './contract/contract-fixtures';
import { followContract } from './contract/follow.contract';
import { globalLogContract } from './contract/global-log.contract';
import { hashChainContract } from './contract/hash-chain.contract';
import { idempotencyContract } from './contract/idempotency.contract';
import { streamAppendContract } from './contract/stream-append.contract';

export type { ContractCapabilities, ContractHarness, MakeContractHarness } from './contract/contract-fixtures';

/**
 * @param capabilities what the adapter offers (default: everything, as the SQL stores do); the tests needing what it
 *   lacks are reported as skipped, by name.
 */
export function eventStoreContract(
  name: string,
  makeStore: MakeContractHarness,
  capabilities: Partial<ContractCapabilities> = {},
): void {
  const offered: ContractCapabilities = { ...ALL_CAPABILITIES, ...capabilities };
  describe(`${name} — event-store contract`, () => {
    let current: ContractHarness | undefined;
    const context: ContractContext = {
      capabilities: offered,
      harness: () => {
        if (!current) throw new Error('no store: the contract harness is used outside a test');
        return current;
      },
    };

    beforeEach(async () => {
      current = await makeStore();
    });

    afterEach(async () => {
      const finished = current;
      current = undefined;
      await finished?.cleanup();
    });

    streamAppendContract(context);
    idempotencyContract(context);
    globalLogContract(context);
    concurrencyContract(context);
    followContract(context);
    hashChainContract(context);
  });
}
