import { Link } from 'react-router';
import { FactSources } from '../components/fact-sources';
import type { RolePageQuery } from '../generated/graphql';
import { nodeHref } from '../lib/node-label';
import { InferredBadge } from '../components/inferred-badge';

type LoadedRole = NonNullable<RolePageQuery['role']>;

/** Skill categories in reading order; a category the data adds later goes last. */
const CATEGORY_ORDER = ['creative', 'technical', 'interpersonal', 'organisational', 'knowledge'];

function groupSkills(skills: LoadedRole['skills']): [string, LoadedRole['skills']][] {
  const groups = new Map<string, LoadedRole['skills']>();
  for (const link of skills) {
    const category = link.skill.category ?? 'other';
    groups.set(category, [...(groups.get(category) ?? []), link]);
  }
  const rank = (category: string) => (CATEGORY_ORDER.includes(category) ? CATEGORY_ORDER.indexOf(category) : CATEGORY_ORDER.length);
  return [...groups].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}

/** A role's skills, grouped by category, each with the passages stating the requirement on demand. */
export function RoleSkills({ role }: { role: LoadedRole }) {
  return (
    <section aria-labelledby="skills-heading" className="facts">
      <h2 id="skills-heading">Skills ({role.skills.length})</h2>
      {groupSkills(role.skills).map(([category, links]) => (
        <div key={category} className="skill-group">
          <h3>{category}</h3>
          <ul className="fact-list">
            {links.map((link) => (
              <li key={link.skill.id}>
                <Link to={nodeHref({ __typename: 'Skill', id: link.skill.id })}>{link.skill.name}</Link> <InferredBadge inferred={link.inferred} />
                <FactSources roleId={role.id} section="skills" factId={link.skill.id} about={`${role.name} requires ${link.skill.name}`} />
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
