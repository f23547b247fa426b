/**
 * What the menu, the toolbar and the shortcuts do: open, new, save, export, run, undo. Each
 * command guards unsaved work, talks to the Platform and reports failures as notices — a
 * failed save or a refused file never changes the document the user is holding.
 */
import { formatIssue } from '../../models/scenario/issues.ts';
import { documentText, parseScenarioText, type ScenarioDocument } from '../document/document-text.ts';
import type { Template } from '../document/templates.ts';
import { checkDocument } from '../document/validation.ts';
import type { ForecastController } from '../forecast/forecast-controller.ts';
import type { AutosaveEntry, OpenedFile, Platform } from '../platform/platform.ts';
import { currentDocument, isDirty, shownResult, type AppStore, type DocumentFile } from '../store/app-store.ts';

export interface Commands {
  /** Shows the templates (New). */
  showNew(): void;
  newFromTemplate(template: Template): Promise<void>;
  open(): Promise<void>;
  openRecent(path: string): Promise<void>;
  /** Opens a file delivered from outside (command line, Finder, drag and drop). */
  openFile(file: OpenedFile): Promise<void>;
  recover(entry: AutosaveEntry): Promise<void>;
  discardRecovery(entry: AutosaveEntry): Promise<void>;
  save(): Promise<boolean>;
  saveAs(): Promise<boolean>;
  exportWorkbook(): Promise<void>;
  exportImage(name: string, dataUrl: string): Promise<void>;
  run(): Promise<void>;
  cancel(): void;
  undo(): void;
  redo(): void;
  refreshLists(): Promise<void>;
}

/** `plan.json` → `plan`; a scenario name → a file name. */
function baseName(name: string): string {
  return name.replace(/\.(json|costcast)$/i, '');
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function newKey(): string {
  return `untitled-${crypto.randomUUID()}`;
}

export function createCommands(store: AppStore, platform: Platform, forecasts: ForecastController): Commands {
  const state = () => store.getState();

  /** True when the current document may be replaced: it is saved, or the user said so. */
  const mayReplace = async (): Promise<boolean> => {
    if (!isDirty(state().document)) return true;
    const name = state().document?.file.name ?? 'this scenario';
    const choice = await state().askConfirm({
      title: 'Unsaved changes',
      message: `${name} has changes that are not saved. Save them first?`,
      confirmLabel: 'Discard changes',
      alternativeLabel: 'Save',
    });
    if (choice === 'cancel') return false;
    if (choice === 'alternative') return commands.save();
    return true;
  };

  const show = (document: ScenarioDocument, file: DocumentFile, savedText: string | null, key: string) => {
    state().openDocument({ key, file, savedText, document });
    state().setView('assumptions');
  };

  /** Parses and opens file text; a file the app cannot show is refused with every issue. */
  const openText = (file: OpenedFile): boolean => {
    const parsed = parseScenarioText(file.text);
    if (!parsed.ok) {
      state().notify('error', `${file.name} cannot be opened: ${parsed.issues.length} problem${parsed.issues.length === 1 ? '' : 's'}.`, parsed.issues.map((issue) => formatIssue(issue, file.name)));
      return false;
    }
    show(parsed.document, { name: file.name, path: file.path }, file.text, file.path ?? newKey());
    for (const warning of parsed.warnings) state().notify('info', formatIssue(warning, file.name));
    return true;
  };

  const refreshLists = async () => {
    try {
      const [recent, autosaves] = await Promise.all([platform.listRecent(), platform.listAutosaves()]);
      const openKey = state().document?.key;
      state().setRecent(recent);
      state().setAutosaves(autosaves.filter((entry) => entry.documentKey !== openKey));
    } catch (error) {
      state().notify('error', `Recent files are unavailable: ${message(error)}`);
    }
  };

  const write = async (as: boolean): Promise<boolean> => {
    const open = state().document;
    if (!open) return false;
    const text = documentText(open.history.present);
    const suggestedName = open.file.name;
    try {
      const saved = as || open.file.path === null ? await platform.saveScenarioAs({ suggestedName, text }) : await platform.saveScenario({ path: open.file.path, suggestedName, text });
      if (!saved) return false;
      const key = saved.path ?? open.key;
      // The document may have been edited while the dialog was open: what was written is `text`.
      state().markSaved({ name: saved.name, path: saved.path }, text, key);
      await platform.clearAutosave(open.key).catch(() => undefined);
      state().notify('info', `Saved ${saved.name}.`);
      void refreshLists();
      return true;
    } catch (error) {
      state().notify('error', `${suggestedName} was not saved: ${message(error)}. Your changes are still here.`);
      return false;
    }
  };

  const commands: Commands = {
    showNew: () => state().setView('welcome'),
    async newFromTemplate(template) {
      if (!(await mayReplace())) return;
      const name = template.id === 'blank' ? 'untitled.json' : template.id;
      const document = structuredClone(template.document);
      // Untouched, a new document has nothing to lose: its "saved" text is the template's.
      show(document, { name, path: null }, documentText(document), newKey());
    },
    async open() {
      if (!(await mayReplace())) return;
      try {
        const file = await platform.openScenario();
        if (file) openText(file);
      } catch (error) {
        state().notify('error', message(error));
      }
      void refreshLists();
    },
    async openRecent(path) {
      if (!(await mayReplace())) return;
      try {
        openText(await platform.openRecent(path));
      } catch (error) {
        state().notify('error', message(error));
      }
      void refreshLists();
    },
    async openFile(file) {
      if (!(await mayReplace())) return;
      openText(file);
      void refreshLists();
    },
    async recover(entry) {
      if (!(await mayReplace())) return;
      const parsed = parseScenarioText(entry.text);
      if (!parsed.ok) {
        state().notify('error', `The unsaved copy of ${entry.name} cannot be read.`, parsed.issues.map((issue) => formatIssue(issue)));
        return;
      }
      const isPath = !entry.documentKey.startsWith('untitled-');
      show(parsed.document, { name: entry.name, path: isPath ? entry.documentKey : null }, null, entry.documentKey);
      state().setAutosaves(state().autosaves.filter((other) => other.documentKey !== entry.documentKey));
      state().notify('info', `Recovered the unsaved changes of ${entry.name} from ${new Date(entry.savedAt).toLocaleString()}.`);
    },
    async discardRecovery(entry) {
      await platform.clearAutosave(entry.documentKey).catch(() => undefined);
      state().setAutosaves(state().autosaves.filter((other) => other.documentKey !== entry.documentKey));
    },
    save: () => write(false),
    saveAs: () => write(true),
    async exportWorkbook() {
      const document = currentDocument(state());
      const open = state().document;
      if (!document || !open) return;
      const { scenario } = checkDocument(document);
      if (!scenario) {
        state().notify('error', 'Fix the problems in the assumptions before exporting.');
        return;
      }
      // The workbook shows the full run of exactly this document; run it first if needed.
      let shown = shownResult(state());
      if (!shown || shown.kind !== 'full' || shown.stale) {
        await forecasts.runFull();
        shown = shownResult(state());
        if (!shown || shown.kind !== 'full' || shown.stale) return;
      }
      try {
        const bytes = await forecasts.buildWorkbook(scenario, shown.result);
        const written = await platform.exportFile({ suggestedName: `${baseName(open.file.name)} plan.xlsx`, bytes, kind: 'xlsx' });
        if (written) state().notify('info', 'Workbook exported.');
      } catch (error) {
        state().notify('error', `The workbook was not exported: ${message(error)}`);
      }
    },
    async exportImage(name, dataUrl) {
      const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const open = state().document;
      try {
        await platform.exportFile({ suggestedName: `${baseName(open?.file.name ?? 'costcast')} ${name}.png`, bytes, kind: 'png' });
      } catch (error) {
        state().notify('error', `The image was not exported: ${message(error)}`);
      }
    },
    run: () => forecasts.runFull(),
    cancel: () => forecasts.cancelFull(),
    undo: () => state().undo(),
    redo: () => state().redo(),
    refreshLists,
  };
  return commands;
}
