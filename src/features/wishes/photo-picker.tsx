import { Text, View } from '@tarojs/components';
import { AppButton } from '@/components/app-button';
import { usePhotoUpload } from '@/lib/use-photo-upload';

/** Picks and uploads photos; each uploaded one shows as a chip (tap to remove). The value is CloudBase file ids. */
export function PhotoPicker({ value, onChange, max, hook }: { value: string[]; onChange: (ids: string[]) => void; max: number; hook: string }) {
  const photos = usePhotoUpload(value, onChange, max);
  return (
    <View className="wish-form__photos">
      {value.map((id, i) => (
        <Text key={id} className={`wish-tag wish-tag--ok e2e-${hook}-thumb`} onClick={() => photos.remove(id)}>
          照片 {i + 1} ✕
        </Text>
      ))}
      {!photos.full && (
        <AppButton className={`e2e-${hook}-upload`} size="small" loading={photos.uploading} onClick={() => void photos.add()}>
          {value.length ? '继续添加' : '上传照片'}
        </AppButton>
      )}
    </View>
  );
}
