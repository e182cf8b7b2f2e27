import { RELATIONS, type RelationType } from '../models/relations';
import type { CitationRecord, NodeRecord } from '../models/records';
import type { HopLinkRecord, PathRecord } from '../repositories/path.repository';

/** A relationship type of a hop in its own direction, which may be against the path's. */
export interface StepLink {
  relation: RelationType;
  start: string;
  end: string;
  forward: boolean;
}

export interface ExplainedStep {
  from: string;
  to: string;
  relation: RelationType;
  relations: RelationType[];
  links: StepLink[];
  explanation: string;
  sources: CitationRecord[];
  inferred: boolean;
}

const nameOf = (node: NodeRecord) => node.name ?? node.id;

/** The link a hop is told by: one pointing along the hop if there is one. */
function primaryLink(links: HopLinkRecord[]): HopLinkRecord {
  return links.find((link) => link.forward) ?? (links[0] as HopLinkRecord);
}

function sentence(link: HopLinkRecord, here: NodeRecord, next: NodeRecord): string {
  const [start, end] = link.forward ? [here, next] : [next, here];
  const reason = RELATIONS[link.type].needsReason && link.reason ? ` (${link.reason.replace(/\.$/, '')})` : '';
  return `${nameOf(start)} ${RELATIONS[link.type].verb} ${nameOf(end)}${reason}`;
}

/**
 * One step per hop: the relationships joining the two nodes, a sentence for them
 * (one per relationship type; a pair linked both ways by the same type reads once),
 * and every citation of those relationships.
 */
export function explainSteps(path: PathRecord): ExplainedStep[] {
  return path.hops.map((links, index) => {
    const here = path.nodes[index] as NodeRecord;
    const next = path.nodes[index + 1] as NodeRecord;
    const types = [...new Set(links.map((link) => link.type))];
    const primaries = types.map((type) => primaryLink(links.filter((link) => link.type === type)));
    const sentences = primaries.map((link) => sentence(link, here, next));
    const seen = new Set<string>();
    const sources = links
      .flatMap((link) => link.citations)
      .filter((citation) => {
        const key = `${citation.sourceId}|${citation.quote ?? ''}`;
        return !seen.has(key) && Boolean(seen.add(key));
      });
    return {
      from: here.id,
      to: next.id,
      relation: primaryLink(links).type,
      relations: types,
      links: primaries.map((link) => ({
        relation: link.type,
        start: link.forward ? here.id : next.id,
        end: link.forward ? next.id : here.id,
        forward: link.forward,
      })),
      explanation: sentences.join('; '),
      sources,
      inferred: links.every((link) => link.inferred),
    };
  });
}

/**
 * The whole path in one sentence. Two hops that meet at a node both point to by the
 * same relationship read together: "Music producer and Sound engineer both require Mixing".
 */
export function explainPath(path: PathRecord, steps: ExplainedStep[]): string {
  if (steps.length === 0) return path.nodes[0] ? nameOf(path.nodes[0]) : '';
  const parts: string[] = [];
  for (let index = 0; index < steps.length; index += 1) {
    const first = primaryLink(path.hops[index] as HopLinkRecord[]);
    const secondLinks = path.hops[index + 1];
    const second = secondLinks ? primaryLink(secondLinks) : undefined;
    const both = RELATIONS[first.type].bothVerb;
    if (second && both && first.forward && !second.forward && first.type === second.type) {
      const [a, shared, b] = path.nodes.slice(index, index + 3) as [NodeRecord, NodeRecord, NodeRecord];
      parts.push(`${nameOf(a)} and ${nameOf(b)} ${both} ${nameOf(shared)}`);
      index += 1;
    } else {
      parts.push((steps[index] as ExplainedStep).explanation);
    }
  }
  return `${parts.join('; ')}.`;
}
