import { Text, View } from '@tarojs/components';
import { usePhotoUpload } from '@/lib/use-photo-upload';
import './qa.scss';

/**
 * Up to `max` photos, uploaded as soon as they are picked; the form keeps their file ids. The server hands out
 * display URLs only with the saved question, so here each is a numbered chip; a tap removes it.
 */
export function PhotoField({ value, onChange, max, hook }: { value: string[]; onChange: (ids: string[]) => void; max: number; hook: string }) {
  const photos = usePhotoUpload(value, onChange, max);
  return (
    <View className={`photo-field e2e-${hook}`}>
      {value.map((id, i) => (
        <View key={id} className="photo-field__item" onClick={() => photos.remove(id)}>
          <Text className="photo-field__label">{`照片 ${i + 1} ×`}</Text>
        </View>
      ))}
      {!photos.full && (
        <View className={`photo-field__add e2e-${hook}-add`} onClick={() => void photos.add()}>
          <Text>{photos.uploading ? '上传中…' : '+ 添加照片'}</Text>
        </View>
      )}
    </View>
  );
}
