/**
 * How many statements of an item's version no approved claim supports, as a correlated subquery, for the
 * lists that mark such items (calendar, inbox). A read of detection's table, through this one place.
 */
export function unsupportedStatementsCount(itemId: string, versionNumber: string): string {
  return `(select count(*) from unsupported_statement u join content_version v on v.id = u.version_id
            where v.item_id = ${itemId} and v.number = ${versionNumber})::int`;
}
