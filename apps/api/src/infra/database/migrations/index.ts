import { CreateIdentity1764000000000 } from './1764000000000-CreateIdentity.js';
import { CreateAuditTrail1764000000001 } from './1764000000001-CreateAuditTrail.js';
import { CreateContent1764000000002 } from './1764000000002-CreateContent.js';
import { CreateReviewDecisions1764000000003 } from './1764000000003-CreateReviewDecisions.js';
import { AddAssetRenditions1764000000004 } from './1764000000004-AddAssetRenditions.js';
import { CreateLibraryShares1764000000005 } from './1764000000005-CreateLibraryShares.js';
import { CreateAgenda1764000000006 } from './1764000000006-CreateAgenda.js';
import { CreateCommentThreads1764000000007 } from './1764000000007-CreateCommentThreads.js';
import { AddSeriesEpisodes1764000000008 } from './1764000000008-AddSeriesEpisodes.js';
import { ReviewOwnsItsState1796231297271 } from './1796231297271-ReviewOwnsItsState.js';
import { LifecycleAfterApproval1796234000000 } from './1796234000000-LifecycleAfterApproval.js';
import { AddLoginKnownAddresses1796234986484 } from './1796234986484-AddLoginKnownAddresses.js';
import { AddDeclaredUploadFacts1796234986485 } from './1796234986485-AddDeclaredUploadFacts.js';
import { ItemCoOwners1796236000000 } from './1796236000000-ItemCoOwners.js';
import { ProductMarketLanguage1796237000000 } from './1796237000000-ProductMarketLanguage.js';
import { ClaimsLibrary1796288223993 } from './1796288223993-ClaimsLibrary.js';
import { CreateAccessTokens1796288317146 } from './1796288317146-CreateAccessTokens.js';
import { CreateWebhookOutbox1796288317160 } from './1796288317160-CreateWebhookOutbox.js';
import { CreateCalendarFeeds1796288317180 } from './1796288317180-CreateCalendarFeeds.js';
import { MediaRenditions1796288749563 } from './1796288749563-MediaRenditions.js';
import { AnalyticsIndexes1796303576936 } from './1796303576936-AnalyticsIndexes.js';
import { DashboardItemIndexes1796316342629 } from './1796316342629-DashboardItemIndexes.js';
import { ShareFeedback1796302644377 } from './1796302644377-ShareFeedback.js';
import { ReviewTeams1796291136822 } from './1796291136822-ReviewTeams.js';
import { ListPageIndex1796302249658 } from './1796302249658-ListPageIndex.js';
import { MarketRelease1796302704072 } from './1796302704072-MarketRelease.js';
import { CreateNotifications1796302443740 } from './1796302443740-CreateNotifications.js';
import { ClaimDetection1796302711496 } from './1796302711496-ClaimDetection.js';
import { ReadVideoAndScannedPdfText1796317855418 } from './1796317855418-ReadVideoAndScannedPdfText.js';
import { AudienceLists1796313308401 } from './1796313308401-AudienceLists.js';

/** Listed explicitly (not globbed) so the same list works from sources, the build and the tests. */
export const MIGRATIONS = [
  CreateIdentity1764000000000, CreateAuditTrail1764000000001, CreateContent1764000000002, CreateReviewDecisions1764000000003, AddAssetRenditions1764000000004, CreateLibraryShares1764000000005, CreateAgenda1764000000006, CreateCommentThreads1764000000007, AddSeriesEpisodes1764000000008,
  ReviewOwnsItsState1796231297271,
  LifecycleAfterApproval1796234000000,
  AddLoginKnownAddresses1796234986484,
  AddDeclaredUploadFacts1796234986485,
  ItemCoOwners1796236000000,
  ProductMarketLanguage1796237000000,
  ClaimsLibrary1796288223993,
  CreateAccessTokens1796288317146,
  CreateWebhookOutbox1796288317160,
  CreateCalendarFeeds1796288317180,
  MediaRenditions1796288749563,
  ReviewTeams1796291136822,
  ListPageIndex1796302249658,
  CreateNotifications1796302443740,
  ShareFeedback1796302644377,
  MarketRelease1796302704072,
  ClaimDetection1796302711496,
  AnalyticsIndexes1796303576936,
  AudienceLists1796313308401,
  DashboardItemIndexes1796316342629,
  ReadVideoAndScannedPdfText1796317855418,
];
