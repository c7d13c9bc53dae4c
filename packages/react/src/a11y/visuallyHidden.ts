import type { CSSProperties } from 'react';

/**
 * Hides content visually but keeps it in the accessibility tree. Inline, not
 * in the stylesheet, so that a screen-reader-only table never shows up on a
 * page that forgot to load the CSS.
 */
export const visuallyHiddenStyle: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clipPath: 'inset(50%)',
  whiteSpace: 'nowrap',
  border: 0,
};
