import { vennRegions, type VennSet } from './venn-regions';

const item = (id: string) => ({ id, name: id.toUpperCase() });
const producer: VennSet = { id: 'producer', name: 'Producer', items: ['mixing', 'theory', 'editing'].map(item) };
const engineer: VennSet = { id: 'engineer', name: 'Engineer', items: ['mixing', 'acoustics', 'editing'].map(item) };
const lighting: VennSet = { id: 'lighting', name: 'Lighting', items: ['acoustics', 'rigging'].map(item) };

describe('vennRegions', () => {
  it('sizes each set and each intersection of two sets', () => {
    expect(vennRegions([producer, engineer]).areas).toEqual([
      { sets: ['producer'], size: 3 },
      { sets: ['engineer'], size: 3 },
      { sets: ['producer', 'engineer'], size: 2 },
    ]);
  });

  it('puts each item in the one region of exactly the sets holding it', () => {
    expect(vennRegions([producer, engineer, lighting]).regions).toEqual([
      { sets: ['producer'], items: [item('theory')] },
      { sets: ['producer', 'engineer'], items: [item('editing'), item('mixing')] },
      { sets: ['lighting'], items: [item('rigging')] },
      { sets: ['engineer', 'lighting'], items: [item('acoustics')] },
    ]);
  });

  it('leaves out empty intersections, so disjoint sets stay apart', () => {
    const areas = vennRegions([producer, lighting]).areas;
    expect(areas.map((area) => area.sets)).toEqual([['producer'], ['lighting']]);
  });

  it('counts an item all four sets hold in every intersection', () => {
    const all = (id: string): VennSet => ({ id, name: id, items: [item('mixing')] });
    const { areas, regions } = vennRegions([all('a'), all('b'), all('c'), all('d')]);
    expect(areas).toHaveLength(15);
    expect(areas.every((area) => area.size === 1)).toBe(true);
    expect(regions).toEqual([{ sets: ['a', 'b', 'c', 'd'], items: [item('mixing')] }]);
  });
});
