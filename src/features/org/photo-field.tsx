import { Text, View } from '@tarojs/components';
import { AppButton } from '@/components/app-button';
import { usePhotoUpload } from '@/lib/use-photo-upload';
import './org.scss';

/** Photos of a 践诺 entry: each uploaded one is a chip (tap to remove); the value is CloudBase file ids. */
export function PhotoField({ value, onChange, max }: { value: string[]; onChange: (ids: string[]) => void; max: number }) {
  const photos = usePhotoUpload(value, onChange, max);
  return (
    <View className="org__photos">
      {value.map((id, i) => (
        <Text key={id} className="org__chip e2e-progress-photo" onClick={() => photos.remove(id)}>
          {`照片 ${i + 1} ✕`}
        </Text>
      ))}
      {!photos.full && (
        <AppButton className="e2e-progress-upload" size="small" loading={photos.uploading} onClick={() => void photos.add()}>
          {value.length ? '继续添加' : '上传照片'}
        </AppButton>
      )}
    </View>
  );
}
