import { getAdjacencyMap, getShortestPaths, getSimplePaths } from '@xstate/graph';
import { REVIEW_LANES } from '@vetted/contracts';
import { reviewMachine, type ReviewEvent } from './review.machine.js';
const versions = [1, 2, 3];
const events: ReviewEvent[] = [
  ...versions.map((v) => ({ type: 'SUBMIT', versionNumber: v }) as const),
  ...REVIEW_LANES.flatMap((lane) => versions.flatMap((v) => [{ type: 'APPROVE', lane, versionNumber: v } as const, { type: 'REQUEST_CHANGES', lane, versionNumber: v } as const])),
  { type: 'WITHDRAW' }, { type: 'EXPIRE' },
];
test.each([[['marketing','medical','regulatory']], [['regulatory']]] as const)('scratch %p', (requiredLanes) => {
  let t = Date.now();
  const adj = getAdjacencyMap(reviewMachine, { events, input: { requiredLanes } } as never);
  console.log('adj', Object.keys(adj).length, Date.now() - t);
  t = Date.now();
  const sp = getShortestPaths(reviewMachine, { events, input: { requiredLanes } });
  console.log('shortest', sp.length, Date.now() - t);
  t = Date.now();
  const simple = getSimplePaths(reviewMachine, { events, input: { requiredLanes } });
  console.log('simple', simple.length, simple.reduce((n, p) => n + p.steps.length, 0), Date.now() - t);
});
