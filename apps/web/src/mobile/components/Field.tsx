import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from 'react';

// Native inputs, so data-testid lands on the element a test fills, and iOS/Android keyboards
// get the right inputMode; 16 px text keeps iOS from zooming.

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> & { value: string; onChange: (value: string) => void };

export function TextInput({ value, onChange, className, ...rest }: InputProps) {
  return <input {...rest} className={`axm-input${className ? ` ${className}` : ''}`} value={value} onChange={(event) => onChange(event.target.value)} />;
}

type AreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'value'> & { value: string; onChange: (value: string) => void };

export function TextArea({ value, onChange, className, rows = 2, ...rest }: AreaProps) {
  return <textarea {...rest} rows={rows} className={`axm-input axm-textarea${className ? ` ${className}` : ''}`} value={value} onChange={(event) => onChange(event.target.value)} />;
}

export function Field({ label, htmlFor, required, error, children }: { label: ReactNode; htmlFor?: string; required?: boolean; error?: ReactNode; children: ReactNode }) {
  return (
    <div className="axm-field">
      <label className="axm-field-label" htmlFor={htmlFor}>
        <span className={required ? 'axm-req' : undefined}>{label}</span>
      </label>
      {children}
      {error && <div className="axm-field-error">{error}</div>}
    </div>
  );
}
