/** The window title both hosts show for a document; a leading bullet marks unsaved changes. */
export function documentTitle(state: { title: string; dirty: boolean }): string {
  const name = state.title.trim() === '' ? 'Untitled' : state.title.trim();
  return `${state.dirty ? '• ' : ''}${name} — Costcast`;
}
