import { Link } from 'react-router';
import type { PathQuery } from '../generated/graphql';
import { percent } from '../lib/format';
import { nodeHref } from '../lib/node-label';

/**
 * What carries over from one role to another and what is left to learn, with how much
 * of the target role is covered (the weighted coverage, its formula on demand).
 */
export function SkillGapCard({ gap }: { gap: PathQuery['skillGap'] }) {
  return (
    <section aria-labelledby="gap-heading" className="card gap">
      <h2 id="gap-heading">
        Skill gap: {gap.from.name} → {gap.to.name}
      </h2>
      <p>
        <meter min={0} max={1} value={gap.coverage} aria-label="Already there" /> <strong data-testid="coverage">{percent(gap.coverage)}</strong> of what
        a {gap.to.name.toLowerCase()} needs is already there: {gap.transferable.length} of their {gap.transferable.length + gap.toLearn.length} skills,
        the rarer and more important skills counting for more ({percent(gap.plainCoverage)} if every skill counted the same).
      </p>
      <details className="how">
        <summary>How is this computed?</summary>
        <p className="formula" data-testid="coverage-formula">
          Coverage = Σ idf·w over the skills that carry over ÷ Σ idf·w over all the target role&apos;s skills
        </p>
        <p className="muted">
          w is how important a skill is to the role; idf (inverse document frequency) is larger the fewer roles need the skill, so rarer skills count
          for more.
        </p>
      </details>
      <div className="two-columns">
        <div>
          <h3>Carries over ({gap.transferable.length})</h3>
          <ul className="plain" data-testid="transferable">
            {gap.transferable.map((skill) => (
              <li key={skill.id}>
                <Link to={nodeHref({ __typename: 'Skill', id: skill.id })}>{skill.name}</Link>
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h3>To learn ({gap.toLearn.length})</h3>
          <ul className="plain" data-testid="to-learn">
            {gap.toLearn.map((skill) => (
              <li key={skill.id}>
                <Link to={nodeHref({ __typename: 'Skill', id: skill.id })}>{skill.name}</Link>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}
