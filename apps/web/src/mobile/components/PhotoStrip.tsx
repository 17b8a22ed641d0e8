import { memo, useEffect, useRef, useState } from 'react';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftPhoto } from '../draft.ts';
import { compressPhoto, uploadPhoto } from '../photos.ts';
import { useErrorText, useOnUnauthorised } from '../errors.ts';
import { CameraIcon } from './icons.tsx';
import { toast } from './feedback.ts';

export const MAX_PHOTOS = 10;

export type PhotosUpdate = (update: (photos: DraftPhoto[]) => DraftPhoto[]) => void;

interface Pending {
  id: number;
  preview: string;
  file: File;
  /** The compressed photo, kept so a retry does not compress again. */
  blob: Blob | null;
  name: string;
  failed: boolean;
}

interface Props {
  siteId: string;
  photos: DraftPhoto[];
  /** Functional, because uploads finish in any order. */
  onChange: PhotosUpdate;
  label?: string;
  required?: boolean;
  testId?: string;
}

let nextPendingId = 1;

/**
 * Take a photo with the rear camera, shrink it in the browser and upload it at once; only the
 * returned key enters the draft. A failed upload stays as a tile that retries on tap.
 */
export const PhotoStrip = memo(function PhotoStrip({ siteId, photos, onChange, label, required = false, testId = 'm-photo-input' }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const onUnauthorised = useOnUnauthorised();
  const [pending, setPending] = useState<Pending[]>([]);
  const previews = useRef(new Set<string>());

  useEffect(() => {
    const urls = previews.current;
    return () => urls.forEach((url) => URL.revokeObjectURL(url));
  }, []);

  const drop = (id: number) =>
    setPending((list) => {
      const gone = list.find((entry) => entry.id === id);
      if (gone) {
        URL.revokeObjectURL(gone.preview);
        previews.current.delete(gone.preview);
      }
      return list.filter((entry) => entry.id !== id);
    });

  const send = async (entry: Pending) => {
    setPending((list) => list.map((item) => (item.id === entry.id ? { ...item, failed: false } : item)));
    try {
      let { blob, name } = entry;
      if (!blob) {
        const compressed = await compressPhoto(entry.file);
        ({ blob, name } = compressed);
        setPending((list) => list.map((item) => (item.id === entry.id ? { ...item, ...compressed } : item)));
      }
      const photo = await uploadPhoto(siteId, blob, name);
      onChange((list) => (list.some((p) => p.key === photo.key) ? list : [...list, photo]));
      drop(entry.id);
    } catch (error) {
      onUnauthorised(error);
      setPending((list) => list.map((item) => (item.id === entry.id ? { ...item, failed: true } : item)));
      toast(t('mobile.inspect.uploadFailed', { message: errorText(error) }));
    }
  };

  const picked = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []).slice(0, Math.max(0, MAX_PHOTOS - photos.length - pending.length));
    event.target.value = '';
    for (const file of files) {
      const preview = URL.createObjectURL(file);
      previews.current.add(preview);
      const entry: Pending = { id: nextPendingId++, preview, file, blob: null, name: file.name, failed: false };
      setPending((list) => [...list, entry]);
      void send(entry);
    }
  };

  const full = photos.length + pending.length >= MAX_PHOTOS;
  return (
    <div className="axm-photos">
      {photos.map((photo) => (
        <div className="axm-photo" key={photo.key}>
          <a href={photo.url} target="_blank" rel="noreferrer">
            <img src={photo.thumbnailUrl ?? photo.url} alt="" loading="lazy" />
          </a>
          <button type="button" className="axm-photo-remove" aria-label={t('mobile.inspect.removePhoto')} onClick={() => onChange((list) => list.filter((p) => p.key !== photo.key))}>
            ×
          </button>
        </div>
      ))}
      {pending.map((entry) => (
        <div className="axm-photo" key={entry.id}>
          <img src={entry.preview} alt="" />
          {entry.failed ? (
            <button type="button" className="axm-photo-state" onClick={() => void send(entry)}>
              {t('mobile.retry')}
            </button>
          ) : (
            <div className="axm-photo-state">{t('mobile.inspect.uploading')}</div>
          )}
          {entry.failed && (
            <button type="button" className="axm-photo-remove" aria-label={t('mobile.inspect.removePhoto')} onClick={() => drop(entry.id)}>
              ×
            </button>
          )}
        </div>
      ))}
      {!full && (
        <label className={`axm-photo-add${required && photos.length === 0 ? ' required' : ''}`}>
          <CameraIcon />
          <span>{label ?? (required && photos.length === 0 ? t('mobile.inspect.photoRequired') : t('mobile.inspect.photo'))}</span>
          <input type="file" accept="image/*" capture="environment" onChange={picked} data-testid={testId} />
        </label>
      )}
    </div>
  );
});
