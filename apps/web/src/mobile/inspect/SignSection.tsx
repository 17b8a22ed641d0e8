import { useTranslation } from 'react-i18next';
import type { SignDraft, Stroke } from '../draft.ts';
import { Field, TextArea, TextInput } from '../components/Field.tsx';
import { Segment } from '../components/Segment.tsx';
import { SignaturePad } from '../components/SignaturePad.tsx';

interface Props {
  sign: SignDraft;
  issues: string[] | null;
  onChange: (update: (sign: SignDraft) => SignDraft) => void;
}

/** The party signs on the phone (name and mobile number with it), or the refusal is recorded with a witness. */
export function SignSection({ sign, issues, onChange }: Props) {
  const { t } = useTranslation();
  const has = (key: string) => !!issues?.includes(key);
  const error = (key: string) => has(key) && t(`mobile.issue.${key}`);
  const set = <K extends keyof SignDraft>(key: K, value: SignDraft[K]) => onChange((current) => ({ ...current, [key]: value }));
  const strokes = (next: Stroke[]) =>
    onChange((current) => ({ ...current, strokes: next, imageKey: null, signedAt: next.length ? new Date().toISOString() : null }));

  return (
    <>
      <Segment
        label={t('mobile.sign.title')}
        value={sign.mode}
        onChange={(mode) => set('mode', mode)}
        options={[
          { value: 'sign', label: t('mobile.sign.signTab'), testId: 'm-sign-mode' },
          { value: 'refuse', label: t('mobile.sign.refuseTab'), testId: 'm-refuse-mode' },
        ]}
      />
      {sign.mode === 'sign' ? (
        <>
          <Field label={t('mobile.sign.padHint')} required error={error('signature')}>
            <SignaturePad strokes={sign.strokes} onChange={strokes} />
          </Field>
          <Field label={t('mobile.sign.name')} htmlFor="m-signer-name" required error={error('signerName')}>
            <TextInput id="m-signer-name" value={sign.signerName} onChange={(value) => set('signerName', value)} maxLength={50} autoComplete="off" data-testid="m-signer-name" />
          </Field>
          <Field label={t('mobile.sign.phone')} htmlFor="m-signer-phone" required error={error('signerPhone')}>
            <TextInput
              id="m-signer-phone"
              type="tel"
              inputMode="numeric"
              maxLength={11}
              autoComplete="off"
              value={sign.signerPhone}
              onChange={(value) => set('signerPhone', value.replace(/\D/g, ''))}
              data-testid="m-signer-phone"
            />
          </Field>
        </>
      ) : (
        <>
          <Field label={t('mobile.sign.reason')} htmlFor="m-refusal-reason" required error={error('reason')}>
            <TextArea id="m-refusal-reason" value={sign.reason} onChange={(value) => set('reason', value)} placeholder={t('mobile.sign.reasonPlaceholder')} maxLength={500} data-testid="m-refusal-reason" />
          </Field>
          <Field label={t('mobile.sign.witness')} htmlFor="m-refusal-witness" required error={error('witness')}>
            <TextInput id="m-refusal-witness" value={sign.witness} onChange={(value) => set('witness', value)} placeholder={t('mobile.sign.witnessPlaceholder')} maxLength={100} data-testid="m-refusal-witness" />
          </Field>
        </>
      )}
    </>
  );
}
