import { withoutSuggestions } from './format-error';

describe('withoutSuggestions', () => {
  it.each([
    ['Cannot query field "sourcez" on type "Query". Did you mean "sources"?', 'Cannot query field "sourcez" on type "Query".'],
    ['Value "ROL" does not exist in "NodeKind" enum. Did you mean the enum value "ROLE" or "TOOL"?', 'Value "ROL" does not exist in "NodeKind" enum.'],
    [
      'Variable "$kinds" got invalid value "ROL" at "kinds[0]"; Value "ROL" does not exist in "NodeKind" enum. Did you mean the enum value "ROLE"?',
      'Variable "$kinds" got invalid value "ROL" at "kinds[0]"; Value "ROL" does not exist in "NodeKind" enum.',
    ],
    ['Unknown argument "firsst" on field "Query.roles". Did you mean "first"?', 'Unknown argument "firsst" on field "Query.roles".'],
    ['Unknown type "Rol". Did you mean "Role", "Tool", or "Source"?', 'Unknown type "Rol".'],
    ['Cannot query field "name" on type "Node". Did you mean to use an inline fragment on "Role" or "Skill"?', 'Cannot query field "name" on type "Node".'],
  ])('takes the suggestion out of %j', (message, expected) => {
    expect(withoutSuggestions(message)).toBe(expected);
  });

  it('leaves a message without a suggestion as it is', () => {
    expect(withoutSuggestions('Argument "text" must not be empty. Why?')).toBe('Argument "text" must not be empty. Why?');
  });
});
