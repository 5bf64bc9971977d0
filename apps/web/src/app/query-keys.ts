// Roots of the query keys shared across features, so one invalidation refreshes every screen
// that shows content items (calendar, inbox, workspace, library) after any change.
export const sessionQueryKey = ['session'] as const;
export const contentItemsQueryKey = ['content-items'] as const;
export const auditQueryKey = ['audit'] as const;
/** The lists of channels and segments: admins change them, the calendar's pickers and chips read them. */
export const audienceListsQueryKey = ['audience-lists'] as const;
