import { setup } from 'xstate';
import { toMermaid } from './mermaid.js';
import { reviewMachine } from './review.machine.js';

const trafficLight = setup({ guards: { isRushHour: () => false } }).createMachine({
  id: 'light',
  initial: 'green',
  states: {
    green: { on: { TIMER: [{ guard: 'isRushHour', target: 'green' }, { target: 'yellow' }] } },
    yellow: { on: { TIMER: 'red' } },
    red: {
      initial: 'walk',
      states: { walk: { on: { COUNTDOWN: 'wait' } }, wait: { on: { COUNTDOWN: 'stop' } }, stop: { type: 'final' } },
      onDone: 'off',
    },
    off: { type: 'final' },
  },
});

describe('toMermaid', () => {
  it('draws states, nested states, transitions with their events and guards, and final states', () => {
    expect(toMermaid(trafficLight)).toBe(
      [
        'stateDiagram-v2',
        '  [*] --> green',
        '  green',
        '  yellow',
        '  state red {',
        '    [*] --> walk',
        '    walk',
        '    wait',
        '    stop',
        '    walk --> wait : COUNTDOWN',
        '    wait --> stop : COUNTDOWN',
        '    stop --> [*]',
        '  }',
        '  off',
        '  green --> green : TIMER [isRushHour]',
        '  green --> yellow : TIMER [else]',
        '  yellow --> red : TIMER',
        '  red --> off : onDone',
        '  off --> [*]',
      ].join('\n'),
    );
  });

  it('draws each lane as a parallel region with ids that stay unique', () => {
    const diagram = toMermaid(reviewMachine);
    expect(diagram).toContain('  state in_review {\n    state marketing {');
    expect(diagram.match(/^ {4}--$/gm)).toHaveLength(2);
    expect(diagram).toContain('state "pending" as in_review_medical_pending');
    expect(diagram).toContain('in_review_medical_routing --> in_review_medical_pending : [isLaneRequired(medical)]');
    expect(diagram).toContain('in_review_medical_routing --> in_review_medical_waived : [else]');
  });

  it('draws every transition of the review machine', () => {
    const diagram = toMermaid(reviewMachine);
    for (const line of [
      'draft --> in_review : SUBMIT [isValidVersion]',
      'in_review --> changes_requested : REQUEST_CHANGES [isDecisionOnPendingLane]',
      'in_review --> approved : onDone',
      'changes_requested --> in_review : SUBMIT [isNewVersion]',
      'approved --> expired : EXPIRE',
      'in_review_regulatory_pending --> in_review_regulatory_approved : APPROVE [isDecisionOnThisLane(regulatory)]',
    ]) {
      expect(diagram).toContain(line);
    }
    expect(diagram.match(/ --> withdrawn : WITHDRAW$/gm)).toHaveLength(7);
  });

  it('keeps labels within what Mermaid parses: no colon or semicolon after the first', () => {
    for (const line of toMermaid(reviewMachine).split('\n')) {
      expect(line.split(' : ').slice(1).join(' : ')).not.toMatch(/[:;]/);
    }
  });
});
