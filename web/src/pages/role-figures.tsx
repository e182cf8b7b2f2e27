import { CitationList } from '../components/citation-list';
import { SourcesDisclosure } from '../components/sources-disclosure';
import type { RolePageQuery } from '../generated/graphql';
import { salaryAmount } from '../lib/format';

type LoadedRole = NonNullable<RolePageQuery['role']>;

/** The documents a figure cites, by title: shown with the figure, the quotes on demand. */
function citedTitles(sources: LoadedRole['salaries'][number]['sources']): string {
  return [...new Set(sources.map((citation) => citation.source.title))].join('; ');
}

/**
 * Salary and growth figures, each as its source states it, side by side: where two
 * sources give different figures for the role, both are shown and the page says so.
 */
export function RoleFigures({ role }: { role: LoadedRole }) {
  const { salaries, growth } = role;
  if (salaries.length === 0 && growth.length === 0) return null;
  const distinctAmounts = new Set(salaries.map((figure) => salaryAmount(figure)));
  return (
    <section aria-labelledby="figures-heading">
      <h2 id="figures-heading">Pay and outlook</h2>
      {distinctAmounts.size > 1 ? (
        <p className="note" data-testid="conflict-note">
          The sources state {salaries.length} different salary figures for this role; each is shown with its source.
        </p>
      ) : null}
      {salaries.length > 0 ? <h3>Salary</h3> : null}
      <ul className="figures">
        {salaries.map((figure) => (
          <li key={figure.id} className="figure card" data-testid="salary-figure">
            <p className="amount">{salaryAmount(figure)}</p>
            <p>
              {figure.statistic}, {figure.period}
              {figure.year ? `, ${figure.year}` : ''}
              {figure.population ? ` · ${figure.population}` : ''}
            </p>
            {figure.provider ? <p>Data: {figure.provider}</p> : null}
            {figure.note ? <p className="muted">{figure.note}</p> : null}
            <p className="cited">Source: {citedTitles(figure.sources)}</p>
            <SourcesDisclosure about={`the salary figure ${salaryAmount(figure)}`}>{() => <CitationList citations={figure.sources} />}</SourcesDisclosure>
          </li>
        ))}
      </ul>
      {growth.length > 0 ? <h3>Job growth</h3> : null}
      <ul className="figures">
        {growth.map((figure) => (
          <li key={figure.id} className="figure card" data-testid="growth-figure">
            <p className="amount">{figure.percent > 0 ? '+' : ''}{figure.percent}% jobs</p>
            <p>
              Projected growth{figure.period ? `, ${figure.period}` : ''}
              {figure.population ? ` · ${figure.population}` : ''}
            </p>
            {figure.provider ? <p>Data: {figure.provider}</p> : null}
            <p className="cited">Source: {citedTitles(figure.sources)}</p>
            <SourcesDisclosure about={`the growth figure ${figure.percent}%`}>{() => <CitationList citations={figure.sources} />}</SourcesDisclosure>
          </li>
        ))}
      </ul>
    </section>
  );
}
