import { useState } from 'react';
import { App, Button, Divider, Empty, Image, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { FileOutlined, FilePdfOutlined, UploadOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_KINDS } from '@anxun/contracts';
import type { Attachment, AttachmentKind, SiteDetail } from '@anxun/contracts';
import { useErrorText } from '../../app/errors.ts';
import { useEnumOptions, useFormatters, useLabels } from '../../app/labels.ts';
import { useUploadAttachment } from './api.ts';

const isImage = (attachment: Attachment) => attachment.mimeType.startsWith('image/');

function FileIcon({ mimeType }: { mimeType: string }) {
  if (mimeType.startsWith('video/')) return <VideoCameraOutlined />;
  if (mimeType === 'application/pdf') return <FilePdfOutlined />;
  return <FileOutlined />;
}

function Uploader({ siteId }: { siteId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const options = useEnumOptions();
  const [kind, setKind] = useState<AttachmentKind>('photo');
  const upload = useUploadAttachment(siteId);

  return (
    <Space wrap>
      <Typography.Text type="secondary">{t('sites.attachment.kind')}</Typography.Text>
      <Select<AttachmentKind> value={kind} onChange={setKind} options={options('attachment', ATTACHMENT_KINDS)} style={{ width: 140 }} data-testid="attachment-kind" />
      <Upload
        showUploadList={false}
        accept={kind === 'video' ? 'video/*' : kind === 'floor_plan' ? 'image/*,application/pdf' : 'image/*'}
        customRequest={({ file, onSuccess, onError }) => {
          upload.mutate(
            { kind, file: file as File },
            {
              onSuccess: (attachment) => {
                onSuccess?.(attachment);
                void message.success(t('sites.attachment.uploaded'));
              },
              onError: (error) => {
                onError?.(error);
                void message.error(errorText(error));
              },
            },
          );
        }}
      >
        <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="attachment-upload">
          {t('sites.attachment.upload')}
        </Button>
      </Upload>
    </Space>
  );
}

export function SiteAttachments({ site }: { site: SiteDetail }) {
  const { t } = useTranslation();
  const label = useLabels();
  const format = useFormatters();
  const images = site.attachments.filter(isImage);
  const files = site.attachments.filter((attachment) => !isImage(attachment));

  return (
    <div data-testid="site-attachments">
      {site.allowed['attach'] && (
        <>
          <Uploader siteId={site.id} />
          <Divider style={{ margin: '16px 0' }} />
        </>
      )}
      {site.attachments.length === 0 && <Empty description={t('sites.attachment.empty')} />}
      {images.length > 0 && (
        <>
          <Typography.Title level={5}>{t('sites.attachment.images')}</Typography.Title>
          <Image.PreviewGroup>
            <div className="ax-attachment-grid">
              {images.map((attachment) => (
                <figure key={attachment.id} style={{ margin: 0, width: 136 }}>
                  <Image
                    width={136}
                    height={102}
                    src={attachment.thumbnailUrl ?? attachment.url}
                    preview={{ src: attachment.url }}
                    alt={attachment.fileName}
                  />
                  <figcaption style={{ fontSize: 12, marginTop: 4 }}>
                    <Tag style={{ marginInlineEnd: 4 }}>{label('attachment', attachment.kind)}</Tag>
                    <Typography.Text type="secondary" ellipsis={{ tooltip: attachment.fileName }} style={{ maxWidth: 80, fontSize: 12 }}>
                      {attachment.fileName}
                    </Typography.Text>
                  </figcaption>
                </figure>
              ))}
            </div>
          </Image.PreviewGroup>
        </>
      )}
      {files.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: images.length ? 24 : 0 }}>
            {t('sites.attachment.files')}
          </Typography.Title>
          <Table<Attachment>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={files}
            columns={[
              { key: 'kind', title: t('sites.attachment.kind'), width: 120, render: (_, a) => <Tag>{label('attachment', a.kind)}</Tag> },
              {
                key: 'file',
                title: t('fields.name'),
                render: (_, a) => (
                  <Space>
                    <FileIcon mimeType={a.mimeType} />
                    <a href={a.url} target="_blank" rel="noreferrer">
                      {a.fileName}
                    </a>
                  </Space>
                ),
              },
              { key: 'size', title: '', width: 100, align: 'right', render: (_, a) => format.bytes(a.size) },
              { key: 'at', title: t('fields.createdAt'), width: 180, render: (_, a) => format.dateTime(a.createdAt) },
            ]}
          />
        </>
      )}
    </div>
  );
}
