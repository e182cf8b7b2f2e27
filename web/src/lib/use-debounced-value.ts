import { useEffect, useState } from 'react';

/**
 * `value`, once it has stayed the same for `delayMs`: the autocomplete asks the API
 * when typing pauses, not on every key. (A few lines, so no library for it.)
 */
export function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
