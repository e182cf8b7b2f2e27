/** One set of the diagram: a role and the ids and names of its items on the dimension compared. */
export interface VennSet {
  id: string;
  name: string;
  items: readonly { id: string; name: string }[];
}

/** Every combination of sets whose intersection is not empty, with its size (what venn.js lays out). */
export interface VennArea {
  sets: string[];
  size: number;
}

/** The items held by exactly the sets of `sets` and by no other: one region of the drawing. */
export interface VennRegion {
  sets: string[];
  items: { id: string; name: string }[];
}

/**
 * The input of an area-proportional Venn layout and what each region holds.
 * `areas` gives |∩ S| for every non-empty subset S of the sets (venn.js sizes circles
 * and their overlaps from these); `regions` gives, for every subset, the items in all
 * of S and in none of the others, ordered by name. Both leave out what is empty.
 */
export function vennRegions(sets: readonly VennSet[]): { areas: VennArea[]; regions: VennRegion[] } {
  const membership = new Map<string, { name: string; mask: number }>();
  sets.forEach((set, index) => {
    for (const item of set.items) {
      const entry = membership.get(item.id) ?? { name: item.name, mask: 0 };
      entry.mask |= 1 << index;
      membership.set(item.id, entry);
    }
  });
  const setsOf = (mask: number) => sets.filter((_set, index) => mask & (1 << index)).map((set) => set.id);
  const areas: VennArea[] = [];
  const regions: VennRegion[] = [];
  for (let mask = 1; mask < 1 << sets.length; mask++) {
    let inAll = 0;
    const exactly: { id: string; name: string }[] = [];
    for (const [id, entry] of membership) {
      if ((entry.mask & mask) === mask) inAll++;
      if (entry.mask === mask) exactly.push({ id, name: entry.name });
    }
    if (inAll > 0) areas.push({ sets: setsOf(mask), size: inAll });
    if (exactly.length > 0) regions.push({ sets: setsOf(mask), items: exactly.sort((a, b) => a.name.localeCompare(b.name)) });
  }
  return { areas, regions };
}
