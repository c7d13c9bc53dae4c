import '@kpikit/react/styles.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { markPrerendered } from './timeline/firstScreen';
import { mark } from './timeline/timeline';
import { dashboardWorker } from './worker/dashboardWorker';

mark('page:scripts');
// Start the worker (and the sample it makes) before React's first render.
dashboardWorker();

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
// The build's first screen, already painted from the HTML: React's first render replaces it with the same page.
if (root.hasAttribute('data-prerendered')) markPrerendered();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
