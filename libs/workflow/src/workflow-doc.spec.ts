// eslint-disable-next-line no-restricted-imports -- the test compares the committed doc with the generator's output
import { readFileSync } from 'node:fs';
import { WORKFLOW_DOC_PATH, writeWorkflowDoc } from './generate-docs.js';
import { allStateNodes } from './machine-transitions.js';
import { toMermaid } from './mermaid.js';
import { reviewMachine } from './review.machine.js';
import { renderWorkflowDoc, WORKFLOW_DOC_REGENERATE } from './workflow-doc.js';

describe('docs/workflow.md', () => {
  // UPDATE_DOCS=1 rewrites the file first: the one way to change it (see WORKFLOW_DOC_REGENERATE).
  if (process.env.UPDATE_DOCS === '1') writeWorkflowDoc();

  it(`is what the generator writes (regenerate: ${WORKFLOW_DOC_REGENERATE})`, () => {
    expect(readFileSync(WORKFLOW_DOC_PATH, 'utf8')).toBe(renderWorkflowDoc());
  });

  it('says it is generated and how to regenerate it', () => {
    expect(renderWorkflowDoc().split('\n')[0]).toContain(`do not edit. Regenerate with: ${WORKFLOW_DOC_REGENERATE}`);
  });

  it('embeds the diagram drawn from the machine', () => {
    expect(renderWorkflowDoc()).toContain(['```mermaid', toMermaid(reviewMachine), '```'].join('\n'));
  });

  it('has a description for every state of the machine to show', () => {
    const undescribed = allStateNodes(reviewMachine.root).filter((node) => !node.description);
    expect(undescribed.map((node) => node.id)).toEqual([]);
  });
});
