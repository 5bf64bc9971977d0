// Draws a machine as a Mermaid stateDiagram-v2 by walking its definition, so the diagram in
// docs/workflow.md can never drift from the statechart the API runs.
import type { AnyStateMachine } from 'xstate';
import { allStateNodes, transitionsFrom, type AnyStateNode, type MachineTransition } from './machine-transitions.js';

interface DiagramEdge {
  source: AnyStateNode;
  target: AnyStateNode;
  label: string;
}

/** Mermaid ids are global: a key used twice (a lane's `pending`) becomes its path. Ids cannot hold '-'. */
function diagramIds(machine: AnyStateMachine): Map<AnyStateNode, string> {
  const nodes = allStateNodes(machine.root);
  const keyCount = new Map<string, number>();
  for (const node of nodes) keyCount.set(node.key, (keyCount.get(node.key) ?? 0) + 1);
  const clean = (text: string) => text.replace(/[^A-Za-z0-9_]/g, '_');
  return new Map(nodes.map((node) => [node, clean(keyCount.get(node.key) === 1 ? node.key : node.path.join('_'))]));
}

/** Mermaid ends a transition label at ':', ';' or a newline. */
function edgeLabel({ event, guard }: MachineTransition): string {
  const text = [event, guard === undefined ? undefined : `[${guard}]`].filter((part) => part !== undefined).join(' ');
  return text.replace(/[:;\n]/g, ' ').trim();
}

function edgesFrom(node: AnyStateNode): DiagramEdge[] {
  return transitionsFrom(node).map((transition) => ({ source: node, target: transition.target, label: edgeLabel(transition) }));
}

class DiagramWriter {
  private readonly lines: string[] = ['stateDiagram-v2'];
  private readonly crossingEdges: DiagramEdge[] = [];

  constructor(private readonly ids: Map<AnyStateNode, string>) {}

  private id(node: AnyStateNode): string {
    const id = this.ids.get(node);
    if (id === undefined) throw new Error(`state ${node.id} is not part of the machine being drawn`);
    return id;
  }

  private edgeLine(edge: DiagramEdge, indent: string): string {
    const arrow = `${indent}${this.id(edge.source)} --> ${this.id(edge.target)}`;
    return edge.label === '' ? arrow : `${arrow} : ${edge.label}`;
  }

  writeRoot(root: AnyStateNode): string {
    this.writeContents(root, '  ');
    // Edges between states of different parents go last, at top level, where Mermaid accepts them.
    for (const edge of this.crossingEdges) this.lines.push(this.edgeLine(edge, '  '));
    return this.lines.join('\n');
  }

  private writeContents(parent: AnyStateNode, indent: string): void {
    const children = Object.values(parent.states);
    const initial = parent.type === 'compound' ? parent.initial.target[0] : undefined;
    if (initial !== undefined) this.lines.push(`${indent}[*] --> ${this.id(initial)}`);
    children.forEach((child, index) => {
      if (parent.type === 'parallel' && index > 0) this.lines.push(`${indent}--`);
      this.writeState(child, indent);
    });
    for (const child of children) {
      for (const edge of edgesFrom(child)) {
        if (parent.type !== 'parallel' && edge.target.parent === parent) this.lines.push(this.edgeLine(edge, indent));
        else this.crossingEdges.push(edge);
      }
      if (child.type === 'final') this.lines.push(`${indent}${this.id(child)} --> [*]`);
    }
  }

  private writeState(node: AnyStateNode, indent: string): void {
    const id = this.id(node);
    if (node.type === 'compound' || node.type === 'parallel') {
      this.lines.push(`${indent}state ${id} {`);
      this.writeContents(node, `${indent}  `);
      this.lines.push(`${indent}}`);
    } else {
      this.lines.push(id === node.key ? `${indent}${id}` : `${indent}state "${node.key}" as ${id}`);
    }
  }
}

/** The machine as Mermaid source: nested and parallel states, every transition with its event and guard. */
export function toMermaid(machine: AnyStateMachine): string {
  return new DiagramWriter(diagramIds(machine)).writeRoot(machine.root);
}
