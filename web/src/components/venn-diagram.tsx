import { layout } from '@upsetjs/venn.js';
import { useMemo, useState } from 'react';
import { joinNames } from '../lib/format';
import { vennRegions, type VennSet } from '../lib/venn-regions';

/** One colour per role, in the order chosen; the same in the legend. */
const COLOURS = ['#2563eb', '#dc2626', '#16a34a', '#9333ea'];

const WIDTH = 480;
const HEIGHT = 320;

/**
 * The roles' items as an area-proportional Euler diagram: venn.js (@upsetjs/venn.js)
 * places the circles so their overlaps match the sizes, and React draws its layout as
 * SVG. Each region is labelled with how many items lie in exactly those roles;
 * choosing a region (click, or Tab then Enter) lists them. With four roles not every
 * overlap can be drawn to scale, so the lists beside the diagram are the reference.
 */
export function VennDiagram({ sets, itemNoun }: { sets: readonly VennSet[]; itemNoun: string }) {
  const { areas, regions } = useMemo(() => vennRegions(sets), [sets]);
  const drawn = useMemo(() => (sets.every((set) => set.items.length > 0) ? layout(areas, { width: WIDTH, height: HEIGHT, padding: 12 }) : []), [areas, sets]);
  const [chosen, setChosen] = useState<string | null>(null);
  const nameOf = (id: string) => sets.find((set) => set.id === id)?.name ?? id;
  const regionKey = (ids: readonly string[]) => ids.join('+');
  const regionByKey = new Map(regions.map((region) => [regionKey(region.sets), region]));
  const chosenRegion = chosen ? regionByKey.get(chosen) : undefined;
  if (drawn.length === 0) return <p className="muted">A role without {itemNoun} cannot be drawn.</p>;
  const circles = drawn.filter((area) => area.data.sets.length === 1);
  const summary = regions.map((region) => `${region.items.length} in ${joinNames(region.sets.map(nameOf))}${region.sets.length === 1 ? ' only' : ''}`).join('; ');
  return (
    <figure className="venn">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="group" aria-label={`Diagram of the ${itemNoun}: ${summary}.`}>
        {circles.map((area) => {
          const index = sets.findIndex((set) => set.id === area.data.sets[0]);
          return <path key={area.data.sets[0]} d={area.path} className="venn-circle" fill={COLOURS[index]} stroke={COLOURS[index]} />;
        })}
        {drawn.map((area) => {
          const key = regionKey(area.data.sets);
          const region = regionByKey.get(key);
          if (!region) return null;
          const label = `${region.items.length} ${itemNoun} in ${joinNames(region.sets.map(nameOf))}${region.sets.length === 1 ? ' only' : ''}`;
          return (
            <g
              key={key}
              className={chosen === key ? 'venn-region chosen' : 'venn-region'}
              role="button"
              tabIndex={0}
              aria-label={label}
              aria-pressed={chosen === key}
              onClick={() => setChosen(chosen === key ? null : key)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault();
                  setChosen(chosen === key ? null : key);
                }
              }}
            >
              <title>{label}</title>
              <path d={area.distinctPath || area.path} fillRule="evenodd" />
              <text x={area.text.x} y={area.text.y} textAnchor="middle" dominantBaseline="central">
                {region.items.length}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="legend">
          {sets.map((set, index) => (
            <li key={set.id}>
              <span className="swatch" data-colour={index} aria-hidden="true" /> {set.name} ({set.items.length})
            </li>
          ))}
        </ul>
        <p aria-live="polite" className="venn-chosen">
          {chosenRegion
            ? `In ${joinNames(chosenRegion.sets.map(nameOf))}${chosenRegion.sets.length === 1 ? ' only' : ''}: ${chosenRegion.items.map((item) => item.name).join(', ')}.`
            : 'Choose a region to list what lies in it.'}
        </p>
      </figcaption>
    </figure>
  );
}
