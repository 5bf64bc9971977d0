// Roots of the query keys shared across features, so one invalidation refreshes every screen
// that shows content items (calendar, inbox, workspace, library) after any change.
export const sessionQueryKey = ['session'] as const;
export const contentItemsQueryKey = ['content-items'] as const;
export const auditQueryKey = ['audit'] as const;
