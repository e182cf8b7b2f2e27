import { graphql } from '../generated';

/** A role's name, for an address that names roles by id only. */
export const RoleNameQuery = graphql(`
  query RoleName($id: ID!) {
    role(id: $id) {
      id
      name
    }
  }
`);
