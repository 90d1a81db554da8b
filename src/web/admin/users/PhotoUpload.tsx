// Uploads a staff photo as the raw request body: PUT /users/{id}/photo with the file's type.
import { UploadOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Flex, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types';
import { usersApi } from '../../api/users';
import { useReportError } from '../../errors/useReportError';

export const PHOTO_TYPES = ['image/png', 'image/jpeg', 'image/webp'];
export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;

export function PhotoUpload({ user, onUploaded }: { user: User; onUploaded: (user: User) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reportError = useReportError();
  const [uploading, setUploading] = useState(false);

  return (
    <Flex align="center" gap={16}>
      <Avatar size={72} src={user.photoUrl ?? undefined} icon={<UserOutlined />} shape="square" data-testid="user-photo" />
      <div>
        <Upload
          accept={PHOTO_TYPES.join(',')}
          showUploadList={false}
          beforeUpload={(file) => {
            if (!PHOTO_TYPES.includes(file.type)) {
              void message.error(t('users.photoBadType'));
              return Upload.LIST_IGNORE;
            }
            if (file.size > MAX_PHOTO_BYTES) {
              void message.error(t('users.photoTooLarge'));
              return Upload.LIST_IGNORE;
            }
            return true;
          }}
          customRequest={({ file, onSuccess, onError }) => {
            const blob = file as Blob;
            setUploading(true);
            usersApi.uploadPhoto(user.id, blob).then(
              (updated) => {
                setUploading(false);
                onSuccess?.(updated);
                void message.success(t('users.photoUploaded'));
                onUploaded(updated);
              },
              (error: unknown) => {
                setUploading(false);
                onError?.(error instanceof Error ? error : new Error(String(error)));
                reportError(error);
              },
            );
          }}
        >
          <Button icon={<UploadOutlined />} loading={uploading} data-testid="photo-upload">
            {t('users.uploadPhoto')}
          </Button>
        </Upload>
        <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0', fontSize: 12 }}>
          {t('users.photoHelp')}
        </Typography.Paragraph>
      </div>
    </Flex>
  );
}
