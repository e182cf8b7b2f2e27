import cytoscape, { type ElementDefinition } from 'cytoscape';
import dagre from 'cytoscape-dagre';
import { useEffect, useEffectEvent, useRef } from 'react';
import type { NodeLabelFragment } from '../generated/graphql';
import { nodeLabel } from '../lib/node-label';
import { relationPhrase } from '../lib/relation-phrase';

export interface GraphHop {
  from: string;
  to: string;
  /** Each relationship of the hop and whether it points along the path (from `from` to `to`). */
  links: readonly { relation: string; forward: boolean }[];
}

export interface PathGraphProps {
  /** Every node of the paths drawn. */
  nodes: readonly NodeLabelFragment[];
  /** Every hop of the paths drawn (the same hop in two paths is drawn once). */
  hops: readonly GraphHop[];
  fromId: string;
  toId: string;
  /** A one-sentence description for screen readers; the list of paths beside the graph says it all in text. */
  description: string;
  /** Called with a hop when it is clicked or tapped. */
  onSelectHop: (hop: GraphHop) => void;
}

/**
 * Cytoscape.js prepends a <style> element giving its container `position: relative`
 * unless an element with this id exists. The page's Content-Security-Policy refuses
 * inline styles (the browser would report a violation), and styles.css already gives
 * .path-graph that rule, so mark the stylesheet as present.
 */
cytoscape.use(dagre);

const CYTOSCAPE_STYLESHEET_ID = '__________cytoscape_stylesheet';

function claimCytoscapeStylesheet(): void {
  if (document.getElementById(CYTOSCAPE_STYLESHEET_ID)) return;
  const marker = document.createElement('meta');
  marker.id = CYTOSCAPE_STYLESHEET_ID;
  document.head.append(marker);
}

const KIND_COLOUR: Record<string, string> = {
  Role: '#1d4ed8',
  Skill: '#15803d',
  Setting: '#b45309',
  Tool: '#7e22ce',
  Responsibility: '#0e7490',
  Education: '#be123c',
  Collaborator: '#4b5563',
};

function elements(nodes: PathGraphProps['nodes'], hops: PathGraphProps['hops'], fromId: string, toId: string): ElementDefinition[] {
  const seen = new Set<string>();
  const result: ElementDefinition[] = [];
  for (const node of nodes) {
    if (seen.has(node.id)) continue;
    seen.add(node.id);
    const end = node.id === fromId ? 'from' : node.id === toId ? 'to' : '';
    result.push({ data: { id: node.id, label: nodeLabel(node), colour: KIND_COLOUR[node.__typename] ?? '#374151' }, classes: end });
  }
  for (const hop of hops) {
    const id = `${hop.from}->${hop.to}`;
    if (seen.has(id)) continue;
    seen.add(id);
    // The edge runs in path order, which the layout ranks by; its arrowheads show
    // which way each relationship really points.
    const along = hop.links.some((link) => link.forward);
    const against = hop.links.some((link) => !link.forward);
    const classes = along && against ? 'both-ways' : against ? 'against' : '';
    result.push({ data: { id, source: hop.from, target: hop.to, label: hop.links.map((link) => relationPhrase(link.relation)).join(' / ') }, classes });
  }
  return result;
}

/** Whether the straight line of `edge` passes over a node other than its ends. */
function crossesANode(cy: cytoscape.Core, edge: cytoscape.EdgeSingular): boolean {
  const a = edge.source().position();
  const b = edge.target().position();
  return cy.nodes().some((element) => {
    const node = element as cytoscape.NodeSingular;
    if (node.same(edge.source()) || node.same(edge.target())) return false;
    const { x, y } = node.position();
    if (y <= Math.min(a.y, b.y) || y >= Math.max(a.y, b.y)) return false;
    const lineX = a.x + ((b.x - a.x) * (y - a.y)) / (b.y - a.y);
    return Math.abs(lineX - x) < node.width() / 2;
  });
}

/**
 * The paths between two roles drawn as one graph with Cytoscape.js. Each hop's edge
 * runs the way its path goes, and the dagre layout ranks the nodes along those
 * directions, so the start is on top, the end at the bottom and every node between
 * sits at its step along the way (top to bottom reads well at any width). The
 * arrowhead shows which way the relationship itself points: at the end of the hop,
 * or back at its start when the path goes against it (a skill to a role requiring it). Zooming and panning are
 * off so the page scrolls over it; a click on a hop reports it.
 */
export function PathGraph(props: PathGraphProps) {
  const container = useRef<HTMLDivElement>(null);
  const { nodes, hops, fromId, toId } = props;
  const selectHop = useEffectEvent((hop: GraphHop) => props.onSelectHop(hop));
  useEffect(() => {
    if (!container.current) return;
    claimCytoscapeStylesheet();
    const cy = cytoscape({
      container: container.current,
      elements: elements(nodes, hops, fromId, toId),
      userZoomingEnabled: false,
      userPanningEnabled: false,
      boxSelectionEnabled: false,
      autoungrabify: true,
      style: [
        {
          selector: 'node',
          style: {
            shape: 'round-rectangle',
            'background-color': 'data(colour)',
            label: 'data(label)',
            color: '#ffffff',
            'font-size': 11,
            'text-valign': 'center',
            'text-halign': 'center',
            'text-wrap': 'wrap',
            'text-max-width': '116px',
            width: 128,
            height: 58,
          },
        },
        { selector: 'node.from, node.to', style: { 'border-width': 3, 'border-color': '#111827' } },
        {
          selector: 'edge',
          style: {
            width: 2,
            'line-color': '#9ca3af',
            'curve-style': 'bezier',
            'target-arrow-shape': 'triangle',
            'target-arrow-color': '#9ca3af',
            label: 'data(label)',
            'font-size': 11,
            'text-wrap': 'wrap',
            'text-max-width': '80px',
            color: '#111827',
            'text-background-color': '#ffffff',
            'text-background-opacity': 1,
            'text-background-padding': '2px',
          },
        },
        { selector: 'edge.against', style: { 'target-arrow-shape': 'none', 'source-arrow-shape': 'triangle', 'source-arrow-color': '#9ca3af' } },
        { selector: 'edge.both-ways', style: { 'source-arrow-shape': 'triangle', 'source-arrow-color': '#9ca3af' } },
        {
          selector: 'edge.detour',
          style: { 'curve-style': 'unbundled-bezier', 'control-point-distances': [-150], 'control-point-weights': [0.5] },
        },
        { selector: 'edge:selected', style: { 'line-color': '#111827', 'target-arrow-color': '#111827', 'source-arrow-color': '#111827', width: 4 } },
      ],
      layout: { name: 'dagre', rankDir: 'TB', ranker: 'longest-path', nodeSep: 24, rankSep: 72, padding: 16, fit: true, animate: false } as cytoscape.LayoutOptions,
    });
    // dagre routes a hop that skips ranks around the nodes between; Cytoscape draws
    // edges itself and would run it straight through them, so bend it aside.
    cy.edges().filter((edge) => crossesANode(cy, edge)).addClass('detour');
    cy.fit(undefined, 16);
    const hopByEdge = new Map(hops.map((hop) => [`${hop.from}->${hop.to}`, hop]));
    cy.on('tap', 'edge', (event) => {
      const hop = hopByEdge.get((event.target as cytoscape.EdgeSingular).id());
      if (hop) selectHop(hop);
    });
    return () => cy.destroy();
  }, [nodes, hops, fromId, toId]);
  return <div ref={container} className="path-graph" role="img" aria-label={props.description} data-testid="path-graph" />;
}
