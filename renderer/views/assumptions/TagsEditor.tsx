/** Tags as key = value chips: add, remove, edit a value. Keys follow the scenario format's rule. */
import { useState } from 'react';
import type { DocumentEdit } from './use-document-edit.ts';

const KEY = /^[A-Za-z][A-Za-z0-9_-]*$/;
const SUGGESTED = ['team', 'product', 'useCase', 'model', 'environment'];

export function TagsEditor({ pointer, tags, edit, label }: { pointer: string; tags: Record<string, string>; edit: DocumentEdit; label: string }) {
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const entries = Object.entries(tags);
  const add = () => {
    if (!KEY.test(key) || value.trim() === '') return;
    edit.set(pointer, { ...tags, [key]: value.trim() }, `tag ${label} ${key}=${value.trim()}`);
    setKey('');
    setValue('');
  };
  const remove = (name: string) => {
    const next = { ...tags };
    delete next[name];
    if (Object.keys(next).length) edit.set(pointer, next, `remove tag ${name} of ${label}`);
    else edit.remove(pointer, `remove tag ${name} of ${label}`);
  };
  const listId = `tag-keys-${pointer.replace(/\W/g, '-')}`;
  return (
    <div className="tags" aria-label={`Tags of ${label}`}>
      {entries.map(([name, text]) => (
        <span key={name} className="tag">
          {name}={text}
          <button type="button" aria-label={`Remove tag ${name}`} onClick={() => remove(name)}>
            ×
          </button>
        </span>
      ))}
      <input type="text" list={listId} value={key} placeholder="tag" aria-label={`New tag key for ${label}`} size={9} className={key && !KEY.test(key) ? 'invalid' : ''} onChange={(event) => setKey(event.target.value)} onKeyDown={(event) => event.key === 'Enter' && add()} />
      <datalist id={listId}>
        {SUGGESTED.filter((s) => !(s in tags)).map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      <input type="text" value={value} placeholder="value" aria-label={`New tag value for ${label}`} size={10} onChange={(event) => setValue(event.target.value)} onKeyDown={(event) => event.key === 'Enter' && add()} />
      <button type="button" className="button small" onClick={add} disabled={!KEY.test(key) || value.trim() === ''}>
        Add tag
      </button>
    </div>
  );
}
