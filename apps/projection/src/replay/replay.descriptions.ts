/** What the OpenAPI document says of replay and diff, alike for consortia, subsidies and zones. */
export const REPLAY_DESCRIPTION =
  'Each step: `step`, `position`, `revision`, `type`, `recordedAt`, `actor`, `correlationId`, `causationId`, ' +
  '`commandId`, `catalogue`, the `rule` and `citation` behind it, its `data` (as the history shows it), `asOfHref` ' +
  '(the as-of view at its position) and `state` (the entity right after it, folded with the domain’s own evolve and ' +
  'shown as `GET /v1/{collection}/{id}` shows it). `at` (a log position or a timestamp) answers the one step then, ' +
  'with links to the `previous` and `next` steps. Read from the event log itself, never from a read model.';

export const DIFF_DESCRIPTION =
  '`from` and `to` are each a log position or a timestamp (`from` absent: before the first event; `to` absent: the ' +
  'latest event). `changes`: `[{ field, change: added|removed|changed, from?, to? }]`, field paths into the view ' +
  '(`status`, `lead.name`, `members[2].creditCode`); `events`: those that made the changes.';
