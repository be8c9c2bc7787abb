import type { AppErrorData } from '../../../shared/errors';
import { useAppStore } from '../store/store-context';
import { Icon } from './icons';

/** An error as a person should see it: what happened, what to do, where to read more. */
export function ErrorNotice({ error, onDismiss }: { error: AppErrorData; onDismiss?: () => void }) {
  const openHelp = useAppStore((state) => state.openHelp);
  const { helpTopic, moreInfo } = error;
  return (
    <div className="notice notice-error" role="alert">
      <div className="notice-title">
        <Icon name="alert" />
        <strong>{error.message}</strong>
      </div>
      {error.hints.length > 0 && (
        <ul className="notice-hints">
          {error.hints.map((hint) => (
            <li key={hint}>{hint}</li>
          ))}
        </ul>
      )}
      <div className="notice-actions">
        {helpTopic && (
          <button type="button" className="link-button" onClick={() => openHelp(helpTopic)}>
            Troubleshooting help
          </button>
        )}
        {moreInfo && (
          <a href={moreInfo} target="_blank" rel="noreferrer">
            Twilio’s explanation{error.twilioCode ? ` (error ${error.twilioCode})` : ''}
          </a>
        )}
        {onDismiss && (
          <button type="button" className="link-button" onClick={onDismiss}>
            Dismiss
          </button>
        )}
      </div>
    </div>
  );
}
