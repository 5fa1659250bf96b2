import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Fonts are bundled: the counter may be offline and the CSP allows fonts from 'self' only.
import '@fontsource/titillium-web/400.css';
import '@fontsource/titillium-web/600.css';
import '@fontsource/titillium-web/700.css';
import { startTransport } from './api';
import { App } from './App';

startTransport();

const root = document.getElementById('root');
if (!root) throw new Error('Elemento #root mancante in index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
