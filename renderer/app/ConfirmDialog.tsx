/** The app's own modal question (unsaved changes): keyboard-friendly, focus starts on the safe choice. */
import { useEffect, useRef } from 'react';
import { useAppState } from './services.ts';

export function ConfirmDialog() {
  const confirm = useAppState((s) => s.confirm);
  const answer = useAppState((s) => s.answerConfirm);
  const cancelButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirm) cancelButton.current?.focus();
  }, [confirm]);
  if (!confirm) return null;
  return (
    <div className="modal-backdrop" onKeyDown={(event) => event.key === 'Escape' && answer('cancel')}>
      <div className="modal" role="alertdialog" aria-modal="true" aria-labelledby="confirm-title" aria-describedby="confirm-message">
        <h2 id="confirm-title">{confirm.title}</h2>
        <p id="confirm-message">{confirm.message}</p>
        <div className="modal-actions">
          <button type="button" className="button" ref={cancelButton} onClick={() => answer('cancel')}>
            Cancel
          </button>
          <button type="button" className="button danger" onClick={() => answer('confirm')}>
            {confirm.confirmLabel}
          </button>
          {confirm.alternativeLabel ? (
            <button type="button" className="button primary" onClick={() => answer('alternative')}>
              {confirm.alternativeLabel}
            </button>
          ) : null}
        </div>
      </div>
    </div>
  );
}
