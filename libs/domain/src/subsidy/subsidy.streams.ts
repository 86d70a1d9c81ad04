/**
 * The streams of the subsidy ledger, each a consistency boundary:
 *
 *   subsidy-{subsidyId}                 one subsidy: its grant and every movement after it
 *   funding-{creditCode}-{fiscalYear}   a recipient's year (liaoning.mengzhu-annual-cap; the funding query)
 *   project-{projectId}                 one project's cumulative limits (liaoning.jiebang, luzhou.transformation)
 *   platform-{platformId}               luzhou.platform-cap
 *   consortium-funding-{consortiumId}   Tianjin's once-only grants and evaluation awards
 *   unit-{creditCode}                   a unit's integrity record (tianjin.fraud: dishonest units get no grant)
 *   dual-control-pending                the grants waiting for a second signature (ledger.dual-control), for expiry
 */
export const SUBSIDY_STREAM_PREFIXES = {
  subsidy: 'subsidy-',
  'recipient-year': 'funding-',
  project: 'project-',
  platform: 'platform-',
  'alliance-funding': 'consortium-funding-',
  unit: 'unit-',
  'dual-control': 'dual-control-',
} as const;
const p = SUBSIDY_STREAM_PREFIXES;

export const subsidyStreamId = (subsidyId: string) => `${p.subsidy}${subsidyId}`;
export const recipientYearStreamId = (creditCode: string, fiscalYear: number) =>
  `${p['recipient-year']}${creditCode}-${fiscalYear}`;
export const projectStreamId = (projectId: string) => `${p.project}${projectId}`;
export const platformStreamId = (platformId: string) => `${p.platform}${platformId}`;
export const allianceFundingStreamId = (consortiumId: string) => `${p['alliance-funding']}${consortiumId}`;
export const unitStreamId = (creditCode: string) => `${p.unit}${creditCode}`;
/** One stream lists every grant waiting for a second signature: the expiry run reads it, not the whole log. */
export const PENDING_GRANTS_STREAM = `${p['dual-control']}pending`;
