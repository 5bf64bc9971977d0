// Writes docs/workflow.md from renderWorkflowDoc(). Run through the doc test (UPDATE_DOCS=1, see
// WORKFLOW_DOC_REGENERATE) or, after a build, as `node libs/workflow/dist/generate-docs.js`.
// eslint-disable-next-line no-restricted-imports -- a dev script writing the doc, not exported by the lib (see index.ts)
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderWorkflowDoc } from './workflow-doc.js';

// Same depth from src/ and dist/: libs/workflow/<dir>/generate-docs.* → repository root.
export const WORKFLOW_DOC_PATH = fileURLToPath(new URL('../../../docs/workflow.md', import.meta.url));

export function writeWorkflowDoc(path: string = WORKFLOW_DOC_PATH): void {
  writeFileSync(path, renderWorkflowDoc());
}

const runAsScript = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (runAsScript) {
  writeWorkflowDoc();
  console.log(`wrote ${WORKFLOW_DOC_PATH}`);
}
