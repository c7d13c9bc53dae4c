import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { App } from './App';

/**
 * The page as it first renders, to HTML, at build time
 * (`build/firstScreenPlugin.ts`): with the build's first screen, every
 * widget with its figures, so the browser paints them before any script
 * has run. The page's own render then replaces it (see `main.tsx`).
 */
export function prerender(): string {
  return renderToString(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
