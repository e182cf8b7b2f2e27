import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { useLocation } from 'react-router';

/** Says a new view's title to screen readers (the app's live region). */
export const AnnouncePage = createContext<(title: string) => void>(() => undefined);

/**
 * The page's h1. When a view opens, the document title follows it, and after a
 * client-side navigation (not on the first load, which screen readers read anyway)
 * the title is announced. Focus is the app's (see App): it goes back to the top of
 * the document, so the first Tab reaches the skip link.
 */
export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  const announce = useContext(AnnouncePage);
  const { key } = useLocation();
  useEffect(() => {
    document.title = `${title} · Careers graph explorer`;
    // React Router names the location the page was loaded at "default".
    if (key !== 'default') announce(title);
  }, [title, key, announce]);
  return <h1>{children ?? title}</h1>;
}
