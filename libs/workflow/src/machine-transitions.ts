// A machine's definition read as plain data: its state nodes and every transition with its event
// and guard names. Shared by the Mermaid diagram and the transition table in docs/workflow.md.
import type { AnyStateMachine, AnyTransitionDefinition } from 'xstate';

export type AnyStateNode = AnyStateMachine['root'];

export interface MachineTransition {
  source: AnyStateNode;
  target: AnyStateNode;
  /** The event name; 'onDone' when a compound or parallel state completes; undefined for eventless ones. */
  event: string | undefined;
  /** The guard's name with its parameters, e.g. `isLaneRequired(marketing)`; 'else' for an eventless fallback. */
  guard: string | undefined;
}

export function allStateNodes(node: AnyStateNode): AnyStateNode[] {
  return Object.values(node.states).flatMap((child) => [child, ...allStateNodes(child)]);
}

function guardName(guard: unknown): string | undefined {
  if (guard === undefined || guard === null) return undefined;
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'function') return guard.name || 'inline guard';
  if (typeof guard === 'object' && 'type' in guard && typeof guard.type === 'string') {
    const params = 'params' in guard ? guard.params : undefined;
    const args =
      params !== null && typeof params === 'object'
        ? Object.values(params).filter((value) => ['string', 'number', 'boolean'].includes(typeof value))
        : [];
    return args.length > 0 ? `${guard.type}(${args.join(', ')})` : guard.type;
  }
  return 'guard';
}

function eventName(eventType: string): string | undefined {
  if (eventType === '') return undefined;
  if (eventType.startsWith('xstate.done.state.')) return 'onDone';
  if (eventType.startsWith('xstate.after.')) return `after ${eventType.slice('xstate.after.'.length)}`;
  return eventType;
}

function describeTransitions(node: AnyStateNode, transitions: readonly AnyTransitionDefinition[]): MachineTransition[] {
  return transitions.flatMap((transition, index) => {
    // XState takes the first enabled transition in order, so an unguarded one after guarded ones is their "else".
    const isFallback = index > 0 && transition.guard === undefined;
    const guard = guardName(transition.guard) ?? (isFallback ? 'else' : undefined);
    const event = eventName(transition.eventType);
    return (transition.target ?? [node]).map((target) => ({ source: node, target, event, guard }));
  });
}

/** The node's own transitions (not its ancestors'), eventless ones last, in definition order. */
export function transitionsFrom(node: AnyStateNode): MachineTransition[] {
  return [...node.transitions.values(), node.always ?? []].flatMap((group) => describeTransitions(node, group));
}
