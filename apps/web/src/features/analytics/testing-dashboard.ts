// A contract-shaped dashboard answer for the analytics tests.
import type { AnalyticsDashboard } from '@vetted/contracts';

export function aDashboard(): AnalyticsDashboard {
  return {
    period: { from: '2026-09-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z', bucket: 'week' },
    filters: { product: null, market: null, format: null },
    review: {
      laneCycle: [
        { lane: 'marketing', count: 2, medianHours: 1.5, p90Hours: 1.9 },
        { lane: 'medical', count: 3, medianHours: 4, p90Hours: 8.8 },
        { lane: 'regulatory', count: 3, medianHours: 4, p90Hours: 5.6 },
      ],
      endToEnd: { count: 3, medianHours: 6, p90Hours: 20.4 },
      rounds: { approved: 3, average: 1.33, distribution: [{ rounds: 1, items: 2 }, { rounds: 2, items: 1 }] },
      firstPass: { approved: 3, firstPass: 2, rate: 0.6667 },
      fastTrack: { approved: 3, fastTracked: 1, share: 0.3333, fastTrackMedianHours: 1, fullReviewMedianHours: 15, savedHoursPerItem: 14, savedHoursTotal: 14 },
      overdueTasks: [
        { lane: 'marketing', overdue: 0 },
        { lane: 'medical', overdue: 1 },
        { lane: 'regulatory', overdue: 0 },
      ],
      expiring: [
        { withinDays: 30, items: 1 },
        { withinDays: 60, items: 2 },
        { withinDays: 90, items: 3 },
      ],
    },
    field: {
      sharesByChannel: [
        { period: '2026-11-02', channel: 'email', shares: 1 },
        { period: '2026-11-02', channel: 'rep-visit', shares: 1 },
        { period: '2026-11-09', channel: 'social', shares: 2 },
      ],
      sharesBySegment: [
        { period: '2026-11-02', segment: 'science-driven', shares: 2 },
        { period: '2026-11-09', segment: null, shares: 2 },
      ],
      topShared: [{ itemId: '11111111-1111-4111-8111-111111111111', title: '=HYPERLINK("x") Heart failure', format: 'infographic', shares: 4 }],
      satisfactionByItem: [{ itemId: '11111111-1111-4111-8111-111111111111', title: 'Heart failure', format: 'infographic', responses: 2, ratings: 2, averageRating: 4, usefulShare: 0.5 }],
      satisfactionByFormat: [{ format: 'infographic', responses: 2, ratings: 2, averageRating: 4, usefulShare: 0.5 }],
      satisfactionBySegment: [{ segment: 'science-driven', responses: 2, ratings: 2, averageRating: 4.5, usefulShare: 1 }],
      satisfactionByFormatAndSegment: [{ format: 'infographic', segment: 'science-driven', responses: 2, ratings: 2, averageRating: 4.5, usefulShare: 1 }],
    },
  };
}
