import { useState } from 'react';
import { App, Image, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { MAX_PHOTO_BYTES } from '@anxun/contracts';
import type { PhotoRef } from '@anxun/contracts';
import { useErrorText } from '../../app/errors.ts';
import { uploadPhoto } from './api.ts';

interface PhotoGridProps {
  photos: readonly PhotoRef[];
  size?: number;
  empty?: string;
  testId?: string;
}

/** Thumbnails that open a full-size preview; one preview group per grid. */
export function PhotoGrid({ photos, size = 96, empty, testId }: PhotoGridProps) {
  const { t } = useTranslation();
  if (!photos.length) {
    return (
      <Typography.Text type="secondary" data-testid={testId}>
        {empty ?? t('hazards.photos.none')}
      </Typography.Text>
    );
  }
  return (
    <Image.PreviewGroup>
      <div className="ax-attachment-grid" data-testid={testId} style={{ gap: 8 }}>
        {photos.map((photo) => (
          <Image
            key={photo.key}
            width={size}
            height={size}
            src={photo.thumbnailUrl ?? photo.url}
            preview={{ src: photo.url }}
            alt=""
            style={{ objectFit: 'cover', borderRadius: 4, border: '1px solid #f0f0f0' }}
          />
        ))}
      </div>
    </Image.PreviewGroup>
  );
}

interface PhotoUploaderProps {
  siteId: string;
  value?: PhotoRef[];
  onChange?: (photos: PhotoRef[]) => void;
  /** Told whenever an upload starts or ends, so the form can wait for it. */
  onBusyChange?: (busy: boolean) => void;
  max?: number;
  id?: string;
}

/** Picture-card uploader for evidence; each file goes to the site's photo endpoint as soon as it is picked. */
export function PhotoUploader({ siteId, onChange, onBusyChange, max = 9, id }: PhotoUploaderProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [files, setFiles] = useState<UploadFile<PhotoRef>[]>([]);

  const emit = (next: UploadFile<PhotoRef>[]) => {
    setFiles(next);
    onBusyChange?.(next.some((file) => file.status === 'uploading'));
    onChange?.(next.filter((file) => file.status === 'done' && file.response).map((file) => file.response!));
  };

  return (
    <div id={id} data-testid="photo-uploader">
      <Upload<PhotoRef>
        listType="picture-card"
        accept="image/*"
        multiple
        fileList={files}
        beforeUpload={(file) => {
          if (!file.type.startsWith('image/')) {
            void message.error(t('hazards.photos.onlyImages'));
            return Upload.LIST_IGNORE;
          }
          if (file.size > MAX_PHOTO_BYTES) {
            void message.error(t('hazards.photos.tooLarge', { mb: MAX_PHOTO_BYTES / 1024 / 1024 }));
            return Upload.LIST_IGNORE;
          }
          return true;
        }}
        customRequest={({ file, onSuccess, onError }) => {
          uploadPhoto(siteId, file as File).then(
            (photo) => onSuccess?.(photo),
            (error: unknown) => {
              void message.error(errorText(error));
              onError?.(error instanceof Error ? error : new Error(String(error)));
            },
          );
        }}
        onChange={({ fileList }) =>
          emit(
            fileList.map((file) =>
              file.status === 'done' && file.response ? { ...file, url: file.response.url, thumbUrl: file.response.thumbnailUrl ?? file.response.url } : file,
            ),
          )
        }
      >
        {files.length < max && (
          <button type="button" style={{ border: 0, background: 'none', cursor: 'pointer' }}>
            <PlusOutlined />
            <div style={{ marginTop: 8 }}>{t('hazards.photos.add')}</div>
          </button>
        )}
      </Upload>
    </div>
  );
}
