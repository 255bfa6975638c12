// Choices, Rating, TextArea and Number for the objects we render ourselves (Pdf, List, Video; ADR 0035): Label
// Studio's document-level classifications; a perItem control classifies the page shown (itemIndex).
import { useState } from 'react';
import type { OwnControl, ResultItem } from '../bridge';
import { choiceValues, classicItem, perItem, setClassic, valueKey } from './classic';

export function ClassicControls({ controls, items, onChange, itemIndex, disabled }: {
  controls: OwnControl[];
  items: ResultItem[];
  onChange: (items: ResultItem[]) => void;
  /** The page shown (0-based) for perItem controls; null when the object has no pages. */
  itemIndex: number | null;
  disabled: boolean;
}) {
  if (controls.length === 0) return null;
  return (
    <div className="own-classics">
      {controls.map((c) => {
        const at = perItem(c) && itemIndex !== null ? itemIndex : null;
        const item = classicItem(items, c, at);
        const value = item?.value[valueKey(c.tag)];
        const set = (v: unknown) => onChange(setClassic(items, c, at, v));
        return (
          <fieldset key={c.name} className="own-control" data-testid={`own-control-${c.name}`}>
            <legend>
              {c.name}
              {at !== null && <span className="muted small"> · page {at + 1}</span>}
              {c.attributes.required === 'true' && <span className="required"> *</span>}
            </legend>
            {c.tag === 'Choices' && <ChoicesInput control={c} value={Array.isArray(value) ? (value as string[]) : []} onChange={set} disabled={disabled} />}
            {c.tag === 'Rating' && <RatingInput control={c} value={typeof value === 'number' ? value : 0} onChange={set} disabled={disabled} />}
            {c.tag === 'TextArea' && <TextsInput control={c} value={Array.isArray(value) ? (value as string[]) : []} onChange={set} disabled={disabled} />}
            {c.tag === 'Number' && (
              <input
                type="number"
                min={c.attributes.min}
                max={c.attributes.max}
                step={c.attributes.step ?? 'any'}
                value={typeof value === 'number' ? value : ''}
                disabled={disabled}
                onChange={(e) => set(e.target.value === '' ? null : Number(e.target.value))}
                data-testid={`own-number-${c.name}`}
              />
            )}
          </fieldset>
        );
      })}
    </div>
  );
}

function ChoicesInput({ control, value, onChange, disabled }: { control: OwnControl; value: string[]; onChange: (v: string[]) => void; disabled: boolean }) {
  const multiple = control.attributes.choice === 'multiple';
  return (
    <div className="own-choices">
      {choiceValues(control).map((o) => (
        <label key={o.value}>
          <input
            type={multiple ? 'checkbox' : 'radio'}
            name={`own-${control.name}`}
            checked={value.includes(o.value)}
            disabled={disabled}
            onChange={(e) => onChange(multiple ? (e.target.checked ? [...value, o.value] : value.filter((v) => v !== o.value)) : [o.value])}
            data-testid={`own-choice-${control.name}-${o.value}`}
          />{' '}
          {o.label}
        </label>
      ))}
      {!multiple && value.length > 0 && (
        <button type="button" className="btn btn-small" disabled={disabled} onClick={() => onChange([])}>Clear</button>
      )}
    </div>
  );
}

function RatingInput({ control, value, onChange, disabled }: { control: OwnControl; value: number; onChange: (v: number | null) => void; disabled: boolean }) {
  const max = Number(control.attributes.maxRating ?? 5) || 5;
  return (
    <div className="own-rating" role="radiogroup" aria-label={control.name}>
      {Array.from({ length: max }, (_, i) => i + 1).map((n) => (
        <button
          key={n}
          type="button"
          role="radio"
          aria-checked={value === n}
          className={`star ${n <= value ? 'on' : ''}`}
          disabled={disabled}
          onClick={() => onChange(value === n ? null : n)}
          data-testid={`own-rating-${control.name}-${n}`}
        >
          {n <= value ? '★' : '☆'}
        </button>
      ))}
    </div>
  );
}

function TextsInput({ control, value, onChange, disabled }: { control: OwnControl; value: string[]; onChange: (v: string[]) => void; disabled: boolean }) {
  const [draft, setDraft] = useState('');
  const max = control.attributes.maxSubmissions ? Number(control.attributes.maxSubmissions) : Infinity;
  const add = () => {
    if (!draft.trim() || value.length >= max) return;
    onChange([...value, draft]);
    setDraft('');
  };
  return (
    <div className="own-texts">
      <ul>
        {value.map((t, i) => (
          <li key={i}>
            {t}{' '}
            <button type="button" className="btn btn-small" disabled={disabled} onClick={() => onChange(value.filter((_, k) => k !== i))} aria-label={`Remove "${t}"`}>×</button>
          </li>
        ))}
      </ul>
      {value.length < max && (
        <div className="row">
          <textarea value={draft} disabled={disabled} rows={2} placeholder={control.attributes.placeholder} onChange={(e) => setDraft(e.target.value)} data-testid={`own-textarea-${control.name}`} />
          <button type="button" className="btn" disabled={disabled || !draft.trim()} onClick={add} data-testid={`own-textarea-add-${control.name}`}>Add</button>
        </div>
      )}
    </div>
  );
}
