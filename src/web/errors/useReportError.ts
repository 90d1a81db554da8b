import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from './describeError';

/** Shows an API error as a message toast. Abort errors (navigating away) are ignored. */
export function useReportError(): (error: unknown) => void {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (error instanceof DOMException && error.name === 'AbortError') return;
      void message.error(describeError(error, t));
    },
    [message, t],
  );
}
