import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router-dom';
import { router } from './app/router';
import './i18n/setup';
import { LocaleProvider } from './i18n/LocaleProvider';
import { PageLoading } from './ui/PageLoading';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('Missing #root');

createRoot(container).render(
  <StrictMode>
    <LocaleProvider>
      <Suspense fallback={<PageLoading fullScreen />}>
        <RouterProvider router={router} />
      </Suspense>
    </LocaleProvider>
  </StrictMode>,
);
