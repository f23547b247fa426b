/** Welcome: recover unsaved work, reopen a recent file, open one, or start from a template. */
import { templates } from '../../document/templates.ts';
import { useAppState, useCommands } from '../../app/services.ts';

function when(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleString();
}

export function WelcomeView() {
  const commands = useCommands();
  const recent = useAppState((s) => s.recent);
  const autosaves = useAppState((s) => s.autosaves);
  return (
    <div className="welcome">
      <section className="welcome-intro">
        <h1>Plan AI spend with the uncertainty in plain sight</h1>
        <p>
          Build a scenario from usage, growth and experiments; Costcast forecasts training and inference spend month by month with P10, P50 and P90, prices it on demand,
          committed and on spot across clouds, and checks it against your budget and the value it creates. Everything stays on this machine.
        </p>
      </section>

      {autosaves.length ? (
        <section className="card recovery" aria-labelledby="recovery-title">
          <h2 id="recovery-title">Recover unsaved work</h2>
          <p className="muted">These changes were not saved when Costcast last closed.</p>
          <ul className="file-list">
            {autosaves.map((entry) => (
              <li key={entry.documentKey}>
                <span className="file-name">{entry.name}</span>
                <span className="muted">{when(entry.savedAt)}</span>
                <button type="button" className="button primary" onClick={() => void commands.recover(entry)}>
                  Recover
                </button>
                <button type="button" className="button" onClick={() => void commands.discardRecovery(entry)}>
                  Discard
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <div className="welcome-columns">
        <section className="card" aria-labelledby="templates-title">
          <h2 id="templates-title">New from a template</h2>
          <ul className="template-list">
            {templates.map((template) => (
              <li key={template.id}>
                <button type="button" className="template" onClick={() => void commands.newFromTemplate(template)} data-template={template.id}>
                  <span className="template-name">{template.name}</span>
                  <span className="template-description">{template.description}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>

        <section className="card" aria-labelledby="recent-title">
          <h2 id="recent-title">Recent files</h2>
          <button type="button" className="button primary" onClick={() => void commands.open()}>
            Open a scenario file…
          </button>
          {recent.length ? (
            <ul className="file-list">
              {recent.map((file) => (
                <li key={file.path}>
                  <button type="button" className="link-button file-name" onClick={() => void commands.openRecent(file.path)}>
                    {file.name}
                  </button>
                  <span className="muted">{when(file.openedAt)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">Files you open or save appear here.</p>
          )}
        </section>
      </div>
    </div>
  );
}
