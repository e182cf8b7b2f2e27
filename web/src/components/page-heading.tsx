import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The page's h1. When a view opens, the document title follows it and focus moves to
 * it, so a screen reader announces the new page and Tab starts from its top (a
 * client-side route change would otherwise leave focus on the link just followed).
 */
export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Careers graph explorer`;
    heading.current?.focus({ preventScroll: true });
  }, [title]);
  return (
    <h1 ref={heading} tabIndex={-1}>
      {children ?? title}
    </h1>
  );
}
