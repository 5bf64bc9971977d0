// The tabs other features add to the review workspace's side panel. The router hands them to the
// review feature, so features never import each other. None today: the claims tab (substantiation)
// belongs to the review feature, which reads the claims the item view carries.
import type { WorkspaceTab } from '../features/review/routes/item-review-tab';
import type { Translate } from '../i18n/i18n-context';

export function workspaceTabs(_t: Translate): WorkspaceTab[] {
  return [];
}
