// Our DateTime control beside the editor (LSF 1.4.0 has none; ADR 0031): one input per <DateTime> of the config,
// its value merged into the same annotation as Label Studio's {"type":"datetime","value":{"datetime":...}}.
import { dateTimeInput, type OwnControl } from './bridge';

export function DateTimeFields({ controls, values, onChange, disabled }: {
  controls: OwnControl[];
  values: Record<string, string>;
  onChange: (name: string, value: string) => void;
  disabled: boolean;
}) {
  if (controls.length === 0) return null;
  return (
    <div className="card" data-testid="datetime-controls">
      {controls.map((c) => {
        const input = dateTimeInput(c.attributes.only);
        return (
          <label key={c.name} className="datetime-control">
            <span>
              {c.name}
              {c.attributes.required === 'true' && <span className="required"> *</span>}
            </span>{' '}
            <input
              type={input === 'year' ? 'number' : input}
              min={input === 'year' ? c.attributes.min : c.attributes.min?.slice(0, input === 'datetime-local' ? 16 : undefined)}
              max={input === 'year' ? c.attributes.max : c.attributes.max?.slice(0, input === 'datetime-local' ? 16 : undefined)}
              step={input === 'year' ? 1 : undefined}
              value={values[c.name] ?? ''}
              disabled={disabled}
              onChange={(e) => onChange(c.name, e.target.value)}
              data-testid={`datetime-${c.name}`}
            />
          </label>
        );
      })}
    </div>
  );
}
