import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { ApiClient } from './api/api-client';
import { App } from './app';
import { LibraryProvider } from './library/library-source';
import { SessionProvider } from './session/session-context';
import './styles.css';

const root = document.getElementById('root');
if (root === null) {
  throw new Error('The page has no #root element to render into');
}

createRoot(root).render(
  <StrictMode>
    <BrowserRouter>
      <SessionProvider api={new ApiClient()}>
        <LibraryProvider>
          <App />
        </LibraryProvider>
      </SessionProvider>
    </BrowserRouter>
  </StrictMode>,
);
