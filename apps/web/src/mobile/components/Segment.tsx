interface Option<V extends string> {
  value: V;
  label: string;
  testId?: string;
}

/** A row of mutually exclusive buttons (level, mode, sign or refuse). */
export function Segment<V extends string>({ options, value, onChange, label }: { options: Option<V>[]; value: V; onChange: (value: V) => void; label?: string }) {
  return (
    <div className="axm-segment" role="group" aria-label={label}>
      {options.map((option) => (
        <button key={option.value} type="button" aria-pressed={option.value === value} onClick={() => onChange(option.value)} data-testid={option.testId}>
          {option.label}
        </button>
      ))}
    </div>
  );
}
