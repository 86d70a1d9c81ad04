/**
 * The streams of the subsidy ledger, each a consistency boundary:
 *
 *   subsidy-{subsidyId}                 one subsidy: its grant and every movement after it
 *   funding-{creditCode}-{fiscalYear}   a recipient's year (liaoning.mengzhu-annual-cap; the funding query)
 *   project-{projectId}                 one project's cumulative limits (liaoning.jiebang, luzhou.transformation)
 *   platform-{platformId}               luzhou.platform-cap
 *   consortium-funding-{consortiumId}   Tianjin's once-only grants and evaluation awards
 *   unit-{creditCode}                   a unit's integrity record (tianjin.fraud: dishonest units get no grant)
 */
export const subsidyStreamId = (subsidyId: string) => `subsidy-${subsidyId}`;
export const recipientYearStreamId = (creditCode: string, fiscalYear: number) => `funding-${creditCode}-${fiscalYear}`;
export const projectStreamId = (projectId: string) => `project-${projectId}`;
export const platformStreamId = (platformId: string) => `platform-${platformId}`;
export const allianceFundingStreamId = (consortiumId: string) => `consortium-funding-${consortiumId}`;
export const unitStreamId = (creditCode: string) => `unit-${creditCode}`;
