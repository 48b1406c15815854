import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { AppButton } from '@/components/app-button';
import { toastInfo } from '@/components/toast';
import { toCloudError } from '@/lib/cloud-error';
import { chooseAndUploadImages } from '@/lib/upload';

/** Picks and uploads photos; each uploaded one shows as a chip (tap to remove). The value is CloudBase file ids. */
export function PhotoPicker({ value, onChange, max, hook }: { value: string[]; onChange: (ids: string[]) => void; max: number; hook: string }) {
  const [uploading, setUploading] = useState(false);
  const pick = async () => {
    setUploading(true);
    try {
      const ids = await chooseAndUploadImages({ count: max - value.length });
      onChange([...value, ...ids].slice(0, max));
    } catch (error) {
      toastInfo(toCloudError(error).message);
    } finally {
      setUploading(false);
    }
  };
  return (
    <View className="wish-form__photos">
      {value.map((id, i) => (
        <Text key={id} className={`wish-tag wish-tag--ok e2e-${hook}-thumb`} onClick={() => onChange(value.filter((v) => v !== id))}>
          照片 {i + 1} ✕
        </Text>
      ))}
      {value.length < max && (
        <AppButton className={`e2e-${hook}-upload`} size="small" loading={uploading} onClick={() => void pick()}>
          {value.length ? '继续添加' : '上传照片'}
        </AppButton>
      )}
    </View>
  );
}
