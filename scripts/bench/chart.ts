/**
 * The benchmark's chart: latency by variant, one panel per connection count, a bar
 * per query and variant for p50 and a tick for p99, as SVG. Drawn with Vega-Lite
 * (rendered headless by Vega, no browser), so the chart is data plus a spec.
 */
export interface ChartRow {
  kind: string;
  variant: string;
  connections: number;
  p50: number;
  p99: number;
}

export async function latencyChartSvg(rows: ChartRow[], title: string, order: { kinds: string[]; variants: string[] }): Promise<string> {
  // Both packages are ES modules with top-level await: they load only through import().
  const vega = await import('vega');
  const vegaLite = await import('vega-lite');
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    // A log scale cannot show 0: sub-millisecond figures are drawn at 0.5 ms.
    data: { values: rows.map((row) => ({ ...row, p50: Math.max(row.p50, 0.5), p99: Math.max(row.p99, 0.5) })) },
    facet: { row: { field: 'connections', type: 'ordinal', title: 'connections' } },
    spec: {
      width: 720,
      height: 180,
      encoding: {
        x: { field: 'kind', type: 'nominal', title: null, sort: order.kinds, axis: { labelAngle: 0 } },
        xOffset: { field: 'variant', type: 'nominal', sort: order.variants },
        color: { field: 'variant', type: 'nominal', title: 'variant', sort: order.variants },
      },
      layer: [
        { mark: 'bar', encoding: { y: { field: 'p50', type: 'quantitative', title: 'ms (bar p50, tick p99, log)', scale: { type: 'log' } } } },
        { mark: { type: 'tick', color: 'black', thickness: 1 }, encoding: { y: { field: 'p99', type: 'quantitative' } } },
      ],
    },
    resolve: { scale: { y: 'independent' } },
  };
  const compiled = vegaLite.compile(spec as never).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}
