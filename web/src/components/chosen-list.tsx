import type { ReactNode } from 'react';

/** What has been chosen (roles to compare, skills held), each with a button to take it out. */
export function ChosenList({ label, items, onRemove }: { label: string; items: readonly { id: string; name: ReactNode; text: string }[]; onRemove: (id: string) => void }) {
  if (items.length === 0) return null;
  return (
    <ul className="chips" aria-label={label}>
      {items.map((item) => (
        <li key={item.id} className="chip">
          <span>{item.name}</span>
          <button type="button" onClick={() => onRemove(item.id)} aria-label={`Remove ${item.text}`}>
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
