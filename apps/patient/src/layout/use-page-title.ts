import { useEffect } from 'react';

const SERVICE_NAME = 'IV Ketamine Support';

/** Names the browser tab after the page, and says so first when the page is showing errors. */
export function usePageTitle(title: string, hasErrors = false): void {
  useEffect(() => {
    document.title = `${hasErrors ? 'Error: ' : ''}${title} – ${SERVICE_NAME}`;
  }, [title, hasErrors]);
}
