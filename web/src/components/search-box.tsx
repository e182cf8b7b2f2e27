import { useCombobox } from 'downshift';
import { useState } from 'react';
import { useQuery } from 'urql';
import type { NodeKind, SearchQuery as SearchResult } from '../generated/graphql';
import { SearchQuery } from '../queries/search.query';
import { answersTerm } from '../lib/search-term';
import { useDebouncedValue } from '../lib/use-debounced-value';

export type SearchHit = SearchResult['search'][number];

/** What the API accepts as search text: at least one letter or digit. */
const SEARCHABLE = /[\p{L}\p{N}]/u;

const KIND_LABEL: Record<NodeKind, string> = {
  ROLE: 'Role',
  SKILL: 'Skill',
  SETTING: 'Setting',
  TOOL: 'Tool',
  RESPONSIBILITY: 'Duty',
  EDUCATION: 'Education',
  COLLABORATOR: 'Collaborator',
  OCCUPATION_GROUP: 'Occupation group',
  SKILL_GROUP: 'Skill group',
};

export interface SearchBoxProps {
  /** The visible label of the field. */
  label: string;
  /** The kinds to search; defaults to roles, skills, settings and tools. */
  kinds?: NodeKind[];
  placeholder?: string;
  /** Called with the hit chosen (Enter or click); the field then empties for the next search. */
  onSelect: (hit: SearchHit) => void;
  /** Hits to leave out, e.g. what is already chosen. */
  exclude?: readonly string[];
}

/**
 * An autocomplete over the graph (`search`): a WAI-ARIA combobox from Downshift, so
 * arrow keys, Enter, Escape and screen-reader announcements work as users expect.
 */
export function SearchBox({ label, kinds = ['ROLE', 'SKILL', 'SETTING', 'TOOL'], placeholder, onSelect, exclude = [] }: SearchBoxProps) {
  const [text, setText] = useState('');
  const settled = useDebouncedValue(text.trim(), 150);
  const searchable = SEARCHABLE.test(settled);
  const [{ data, fetching, error, operation }] = useQuery({ query: SearchQuery, variables: { text: settled, kinds }, pause: !searchable });
  // urql keeps the last answer while the next one loads, and the debounce holds the
  // next request back: show hits only when they answer what is in the field now.
  const current = answersTerm(operation?.variables.text, text);
  const hits = searchable && current ? (data?.search ?? []).filter((hit) => !exclude.includes(hit.node.id)) : [];
  const { isOpen, highlightedIndex, getLabelProps, getInputProps, getMenuProps, getItemProps } = useCombobox<SearchHit>({
    items: hits,
    inputValue: text,
    selectedItem: null,
    itemToString: (hit) => hit?.name ?? '',
    itemToKey: (hit) => hit?.node.id,
    // A choice empties the field for the next search instead of writing the name into it.
    stateReducer: (_state, { type, changes }) => {
      const chosen = type === useCombobox.stateChangeTypes.InputKeyDownEnter || type === useCombobox.stateChangeTypes.ItemClick;
      return chosen && changes.selectedItem ? { ...changes, inputValue: '' } : changes;
    },
    onInputValueChange: ({ inputValue }) => setText(inputValue),
    onSelectedItemChange: ({ selectedItem }) => {
      if (selectedItem) onSelect(selectedItem);
    },
  });
  const waiting = SEARCHABLE.test(text.trim()) && (fetching || !current);
  return (
    <div className="search-box">
      <label {...getLabelProps()}>{label}</label>
      <input {...getInputProps({ placeholder, type: 'search', spellCheck: false, autoComplete: 'off' })} />
      <ul {...getMenuProps()} className={isOpen && text.trim() ? 'search-menu open' : 'search-menu'}>
        {isOpen && text.trim()
          ? hits.map((hit, index) => (
              <li
                key={hit.node.id}
                className={index === highlightedIndex ? 'highlighted' : undefined}
                {...getItemProps({ item: hit, index })}
              >
                <span className="hit-name">{hit.name}</span> <span className={`kind kind-${hit.kind.toLowerCase()}`}>{KIND_LABEL[hit.kind]}</span>
              </li>
            ))
          : null}
      </ul>
      {isOpen && text.trim() && hits.length === 0 ? (
        <p className="search-note">
          {error && current ? 'Search failed; try again.' : waiting ? 'Searching…' : searchable ? 'No match.' : 'Type a letter or a digit.'}
        </p>
      ) : null}
    </div>
  );
}
